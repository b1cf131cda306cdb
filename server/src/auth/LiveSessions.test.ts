import { afterEach, describe, expect, it, vi } from 'vitest'
import { LiveSessions } from './LiveSessions.js'

describe('LiveSessions', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('tells every hold of an ended session once, and only those', () => {
    const live = new LiveSessions()
    const ended: string[] = []
    const a1 = live.hold('a')
    const a2 = live.hold('a')
    const b = live.hold('b')
    a1.onEnd(() => ended.push('a1'))
    a2.onEnd(() => ended.push('a2'))
    b.onEnd(() => ended.push('b'))
    live.end(['a'])
    live.end(['a'])
    expect(ended).toEqual(['a1', 'a2'])
    expect([a1.ended, a2.ended, b.ended]).toEqual([true, true, false])
    expect(live.size).toBe(1)
  })

  it('remembers an end that came before the listener (the session ended while it was read)', () => {
    const live = new LiveSessions()
    const hold = live.hold('a')
    live.end(['a'])
    const end = vi.fn()
    hold.onEnd(end)
    expect(end).toHaveBeenCalledTimes(1)
  })

  it('forgets released holds; a released hold is told nothing', () => {
    const live = new LiveSessions()
    const hold = live.hold('a')
    const end = vi.fn()
    hold.onEnd(end)
    hold.release()
    hold.release()
    live.end(['a'])
    expect(end).not.toHaveBeenCalled()
    expect(live.size).toBe(0)
  })

  it('ends a hold when its session expires, also past the longest timer', () => {
    vi.useFakeTimers()
    const live = new LiveSessions()
    const soon = live.hold('a')
    const late = live.hold('b')
    const ended: string[] = []
    soon.onEnd(() => ended.push('soon'))
    late.onEnd(() => ended.push('late'))
    soon.expireAt(Date.now() + 1000)
    const days40 = 40 * 24 * 60 * 60 * 1000
    late.expireAt(Date.now() + days40)
    vi.advanceTimersByTime(1000)
    expect(ended).toEqual(['soon'])
    vi.advanceTimersByTime(days40 - 2000)
    expect(ended).toEqual(['soon'])
    vi.advanceTimersByTime(1000)
    expect(ended).toEqual(['soon', 'late'])
  })
})
