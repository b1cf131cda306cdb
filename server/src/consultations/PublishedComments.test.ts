import { describe, expect, it } from 'vitest'
import type { PublicCommentStore } from '../store/PublicCommentStore.js'
import { PublishedComments } from './PublishedComments.js'

describe('published comments reused for a moment', () => {
  const setUp = () => {
    let reads = 0
    let fail = false
    const store = {
      list: async () => {
        reads++
        if (fail) throw new Error('database away')
        return []
      },
    } as unknown as PublicCommentStore
    let at = 1_000_000
    const cache = new PublishedComments(store, { now: () => at })
    return {
      cache,
      reads: () => reads,
      later: (ms: number) => {
        at += ms
      },
      failing: (value: boolean) => {
        fail = value
      },
    }
  }

  it('reads once for many readers, again after two seconds or a change', async () => {
    const { cache, reads, later } = setUp()
    await Promise.all(Array.from({ length: 50 }, () => cache.get('k1')))
    expect(reads()).toBe(1)
    later(1999)
    await cache.get('k1')
    expect(reads()).toBe(1)
    later(1)
    await cache.get('k1')
    expect(reads()).toBe(2)
    cache.forget()
    await cache.get('k1')
    expect(reads()).toBe(3)
    await cache.get('other')
    expect(reads()).toBe(4)
  })

  it('does not reuse a failed read, nor a read from a clock that went back', async () => {
    const { cache, reads, later, failing } = setUp()
    failing(true)
    await expect(cache.get('k1')).rejects.toThrow('database away')
    failing(false)
    await cache.get('k1')
    expect(reads()).toBe(2)
    later(-10_000)
    await cache.get('k1')
    expect(reads()).toBe(3)
  })

  it('says until when what it read may be shown, and counts the changes made here', async () => {
    const { cache, later } = setUp()
    expect(cache.freshUntil('k1')).toBe(1_000_000)
    await cache.get('k1')
    later(500)
    expect(cache.freshUntil('k1')).toBe(1_002_000)
    expect(cache.changes).toBe(0)
    cache.forget()
    expect(cache.changes).toBe(1)
    expect(cache.freshUntil('k1')).toBe(1_000_500)
  })
})
