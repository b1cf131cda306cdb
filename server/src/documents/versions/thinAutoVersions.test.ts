import { describe, expect, it } from 'vitest'
import { thinAutoVersions } from './thinAutoVersions.js'

const HOUR = 60 * 60 * 1000
const now = Date.parse('2026-11-22T12:00:00Z')
const at = (msAgo: number, id: string) => ({ id, createdAt: new Date(now - msAgo).toISOString() })

describe('thinning automatic versions', () => {
  it('keeps everything from the last day', () => {
    const versions = Array.from({ length: 20 }, (_, i) => at(i * 10 * 60 * 1000, `v${i}`))
    expect(thinAutoVersions(versions, now)).toEqual([])
  })

  it('keeps the first of each hour between a day and a week old', () => {
    const base = 2 * 24 * HOUR
    const versions = [
      at(base + 50 * 60_000, 'first'),
      at(base + 30 * 60_000, 'second'),
      at(base + 10 * 60_000, 'third'),
    ]
    expect(thinAutoVersions(versions, now)).toEqual(['second', 'third'])
  })

  it('keeps the first of each day after a week', () => {
    const day = 24 * HOUR
    const start = Math.floor((now - 10 * day) / day) * day
    const versions = [0, 3, 9, 20].map((h) => ({
      id: `h${h}`,
      createdAt: new Date(start + h * HOUR).toISOString(),
    }))
    expect(thinAutoVersions(versions, now)).toEqual(['h3', 'h9', 'h20'])
  })
})
