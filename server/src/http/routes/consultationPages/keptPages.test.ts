import { describe, expect, it } from 'vitest'
import { KeptPages } from './keptPages.js'
import { PreparedPages } from './preparedPages.js'

describe('kept public pages', () => {
  const prepared = new PreparedPages([], {
    gzip: async (bytes) => bytes,
    br: async (bytes) => bytes,
  })
  const page = prepared.get('<!doctype html><p>Статья 1</p>')
  const other = prepared.get('<!doctype html><p>Article 1</p>')

  it('answers a reader until the page may have changed, by address and language', () => {
    const kept = new KeptPages()
    kept.keep('rules', 'ru', 1000, page, { sameUntil: 3000, changes: 4 })
    kept.keep('rules', 'en', 1000, other, { sameUntil: 3000, changes: 4 })
    expect(kept.current('rules', 'ru', { now: 1000, changes: 4 })).toBe(page)
    expect(kept.current('rules', 'en', { now: 2999, changes: 4 })).toBe(other)
    expect(kept.current('other', 'ru', { now: 2000, changes: 4 })).toBeUndefined()
    // Past its freshness (or its consultation's opening or closing), read again.
    expect(kept.current('rules', 'ru', { now: 3000, changes: 4 })).toBeUndefined()
    // A comment published, decided or erased here since it was read.
    expect(kept.current('rules', 'ru', { now: 2000, changes: 5 })).toBeUndefined()
    // A clock that went back: not before it was read.
    expect(kept.current('rules', 'ru', { now: 999, changes: 4 })).toBeUndefined()
  })

  it('keeps the latest reading of a page, and a few pages only', () => {
    const kept = new KeptPages()
    kept.keep('rules', 'ru', 1000, page, { sameUntil: 3000, changes: 1 })
    kept.keep('rules', 'ru', 2000, other, { sameUntil: 4000, changes: 2 })
    expect(kept.current('rules', 'ru', { now: 3500, changes: 2 })).toBe(other)
    for (let i = 0; i < 16; i++)
      kept.keep(`c${i}`, 'ru', 1000, page, { sameUntil: 9000, changes: 2 })
    expect(kept.current('rules', 'ru', { now: 3500, changes: 2 })).toBeUndefined()
    expect(kept.current('c15', 'ru', { now: 3500, changes: 2 })).toBe(page)
  })
})
