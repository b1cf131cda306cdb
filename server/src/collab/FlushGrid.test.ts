import { afterEach, describe, expect, it, vi } from 'vitest'
import { FlushGrid } from './FlushGrid.js'

afterEach(() => {
  vi.useRealTimers()
})

describe('FlushGrid', () => {
  it('calls every saver that joined once, at the next multiple of the interval, with one timer', () => {
    vi.useFakeTimers({ now: 1_000_010 })
    const grid = new FlushGrid(25)
    const calls: string[] = []
    const a = () => calls.push('a')
    const b = () => calls.push('b')
    grid.join(a)
    grid.join(b)
    grid.join(a)
    expect(vi.getTimerCount()).toBe(1)
    vi.advanceTimersByTime(14)
    expect(calls).toEqual([])
    vi.advanceTimersByTime(1)
    expect(calls).toEqual(['a', 'b'])
    // Nothing joined since: no timer waits.
    expect(vi.getTimerCount()).toBe(0)
    grid.join(b)
    vi.advanceTimersByTime(25)
    expect(calls).toEqual(['a', 'b', 'b'])
  })

  it('forgets a saver that left; the timer goes when nobody waits', () => {
    vi.useFakeTimers({ now: 0 })
    const grid = new FlushGrid(25)
    const calls: string[] = []
    const a = () => calls.push('a')
    const b = () => calls.push('b')
    grid.join(a)
    grid.join(b)
    grid.leave(a)
    vi.advanceTimersByTime(25)
    expect(calls).toEqual(['b'])
    grid.join(a)
    grid.leave(a)
    expect(vi.getTimerCount()).toBe(0)
  })
})
