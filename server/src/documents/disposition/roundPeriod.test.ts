import { describe, expect, it } from 'vitest'
import type { StoredRound } from '../../reviewRounds/ReviewRoundStore.js'
import { roundPeriod } from './roundPeriod.js'

const OPENED = Date.parse('2026-05-04T09:00:00.000Z')
const CLOSED = Date.parse('2026-05-06T09:00:00.000Z')

/** A round as the store gives it, with only what the period reads. */
const round = (closedAt: number | null): StoredRound =>
  ({
    id: 'r1',
    openedAt: OPENED,
    row: { closed_at: closedAt },
  }) as unknown as StoredRound

const made = (source: 'comment' | 'suggestion' | 'public', at: string) => ({ source, at })

describe('what a review round holds', () => {
  it('comments and suggestions made from its opening up to, not including, its closing', () => {
    const period = roundPeriod(round(CLOSED))
    expect(period.holds(made('comment', '2026-05-04T08:59:59.999Z'))).toBe(false)
    expect(period.holds(made('comment', '2026-05-04T09:00:00.000Z'))).toBe(true)
    expect(period.holds(made('suggestion', '2026-05-05T12:00:00.000Z'))).toBe(true)
    expect(period.holds(made('comment', '2026-05-06T08:59:59.999Z'))).toBe(true)
    expect(period.holds(made('comment', '2026-05-06T09:00:00.000Z'))).toBe(false)
    expect(period).toMatchObject({ roundId: 'r1', from: OPENED, to: CLOSED })
  })

  it('an open round holds everything made since it opened', () => {
    const period = roundPeriod(round(null))
    expect(period.to).toBeNull()
    expect(period.holds(made('comment', '2030-01-01T00:00:00.000Z'))).toBe(true)
    expect(period.holds(made('comment', '2026-05-04T08:00:00.000Z'))).toBe(false)
  })

  it('never a public comment (it belongs to its consultation), nor a time that is no time', () => {
    const period = roundPeriod(round(null))
    expect(period.holds(made('public', '2026-05-05T12:00:00.000Z'))).toBe(false)
    // A suggestion's time is written by a member's client: one that is not a date is outside.
    expect(period.holds(made('suggestion', 'yesterday'))).toBe(false)
    expect(period.holds(made('suggestion', ''))).toBe(false)
  })
})
