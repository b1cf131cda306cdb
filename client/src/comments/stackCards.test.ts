import { describe, expect, it } from 'vitest'
import { type MarginItem, stackCards } from './stackCards'

const overlaps = (items: MarginItem[], tops: Map<string, number>, gap: number) =>
  items.some((a) =>
    items.some((b) => {
      if (a === b) return false
      const ta = tops.get(a.id) ?? 0
      const tb = tops.get(b.id) ?? 0
      return ta < tb + b.height + gap && tb < ta + a.height + gap && ta <= tb
    }),
  )

describe('stackCards', () => {
  it('puts cards beside their words when there is room', () => {
    const items = [
      { id: 'b', anchorTop: 300, height: 80 },
      { id: 'a', anchorTop: 0, height: 100 },
    ]
    expect(Object.fromEntries(stackCards(items, 8))).toEqual({ a: 0, b: 300 })
  })

  it('pushes a card down below the one above it when their words are close', () => {
    const items = [
      { id: 'a', anchorTop: 10, height: 100 },
      { id: 'b', anchorTop: 20, height: 50 },
      { id: 'c', anchorTop: 30, height: 50 },
    ]
    const tops = stackCards(items, 8)
    expect(Object.fromEntries(tops)).toEqual({ a: 10, b: 118, c: 176 })
    expect(overlaps(items, tops, 8)).toBe(false)
  })

  it('keeps the active card at its words and moves the ones above it up', () => {
    const items = [
      { id: 'a', anchorTop: 210, height: 100 },
      { id: 'b', anchorTop: 220, height: 50 },
      { id: 'c', anchorTop: 230, height: 50 },
    ]
    const tops = stackCards(items, 8, 'b')
    expect(tops.get('b')).toBe(220)
    expect(tops.get('a')).toBe(220 - 8 - 100)
    expect(tops.get('c')).toBe(278)
    expect(overlaps(items, tops, 8)).toBe(false)
  })

  it('never puts a card above the margin: near the top the stack goes down just enough', () => {
    const items = [
      { id: 'a', anchorTop: 10, height: 100 },
      { id: 'b', anchorTop: 20, height: 50 },
    ]
    expect(Object.fromEntries(stackCards(items, 8, 'b'))).toEqual({ a: 0, b: 108 })
  })

  it('never overlaps, whatever the order, heights and active card (seeded)', () => {
    let seed = 21
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31
      return seed / 2 ** 31
    }
    for (let round = 0; round < 200; round++) {
      const items = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({
        id: `t${i}`,
        // Near the top, or far enough down that twelve cards fit above the active one.
        anchorTop: (random() < 0.5 ? 0 : 3000) + Math.floor(random() * 600),
        height: 20 + Math.floor(random() * 200),
      }))
      const active = random() < 0.5 ? `t${Math.floor(random() * items.length)}` : null
      const tops = stackCards(items, 6, active)
      expect(tops.size).toBe(items.length)
      expect(overlaps(items, tops, 6)).toBe(false)
      expect(Math.min(...tops.values())).toBeGreaterThanOrEqual(0)
      const activeTop = items.find((i) => i.id === active)?.anchorTop ?? 0
      if (active && activeTop >= 3000 && items.every((i) => i.anchorTop >= 3000)) {
        expect(tops.get(active)).toBe(activeTop)
      }
    }
  })
})
