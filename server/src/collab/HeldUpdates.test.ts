import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { DEFAULT_HELD_LIMITS, HeldUpdates } from './HeldUpdates.js'
import type { UpdateNeeds } from './updateNeeds.js'

const needs = (clock: number, structs = 1): UpdateNeeds => ({
  clocks: new Map([[7, clock]]),
  structs,
})
const bytes = (n: number) => new Uint8Array(n)

describe('HeldUpdates', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('gives back, oldest first, what the document can now take, and tells the first hold apart', () => {
    const held = new HeldUpdates<string>(DEFAULT_HELD_LIMITS, () => undefined)
    expect(held.hold('a', bytes(1), needs(5))).toBe('first')
    expect(held.hold('a', bytes(2), needs(3))).toBe('held')
    expect(held.hold('b', bytes(3), needs(9))).toBe('first')
    const ready = held.takeReady((n) => (n.clocks.get(7) ?? 0) <= 5)
    expect(ready.map((r) => r.update.byteLength)).toEqual([1, 2])
    expect(held.size).toBe(1)
    // All of a's are gone: its next hold is a first again.
    expect(held.hold('a', bytes(1), needs(9))).toBe('first')
    held.destroy()
  })

  it('refuses, holding nothing, past the bounds of a connection (bytes, structs, count) and of the room', () => {
    const limits = {
      bytesPerConnection: 100,
      structsPerConnection: 10,
      updatesPerConnection: 3,
      bytesPerRoom: 150,
      maxWaitMs: 1000,
    }
    const held = new HeldUpdates<string>(limits, () => undefined)
    expect(held.hold('a', bytes(101), needs(1))).toBe('overLimit')
    expect(held.hold('a', bytes(1), needs(1, 11))).toBe('overLimit')
    for (let i = 0; i < 3; i++) expect(held.hold('a', bytes(1), needs(1))).not.toBe('overLimit')
    expect(held.hold('a', bytes(1), needs(1))).toBe('overLimit')
    expect(held.hold('b', bytes(90), needs(1))).toBe('first')
    expect(held.hold('c', bytes(90), needs(1))).toBe('overLimit')
    expect(held.size).toBe(4)
    held.destroy()
  })

  it("drops a connection's updates and reports it once its oldest has waited too long", () => {
    const expired: string[] = []
    const held = new HeldUpdates<string>(DEFAULT_HELD_LIMITS, (c) => expired.push(c))
    held.hold('a', bytes(1), needs(1))
    vi.advanceTimersByTime(DEFAULT_HELD_LIMITS.maxWaitMs / 2)
    held.hold('a', bytes(1), needs(1))
    held.hold('b', bytes(1), needs(1))
    vi.advanceTimersByTime(DEFAULT_HELD_LIMITS.maxWaitMs / 2)
    expect(expired).toEqual(['a'])
    expect(held.size).toBe(1)
    // A connection whose updates all went through is not reported.
    held.takeReady(() => true)
    vi.advanceTimersByTime(DEFAULT_HELD_LIMITS.maxWaitMs)
    expect(expired).toEqual(['a'])
    held.destroy()
  })
})
