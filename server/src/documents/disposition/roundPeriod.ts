import type { CompilationRow } from '@accord/protocol'
import type { StoredRound } from '../../reviewRounds/ReviewRoundStore.js'

/**
 * The time a review round was open on its document, and which rows of the compilation were
 * made in it: members' comment threads and suggestions made (the thread's first message, the
 * suggestion's mark) from the moment it opened up to, not including, the moment it closed; an
 * open round holds everything made since it opened. Public comments belong to their
 * consultation, never to a round.
 */
export interface RoundPeriod {
  roundId: string
  /** Epoch milliseconds; `to` is null while the round is open. */
  from: number
  to: number | null
  holds(row: Pick<CompilationRow, 'source'> & { at: string }): boolean
}

export const roundPeriod = (round: StoredRound): RoundPeriod => {
  const from = round.openedAt
  const to = round.row.closed_at === null ? null : Number(round.row.closed_at)
  return {
    roundId: round.id,
    from,
    to,
    holds: (row) => {
      if (row.source === 'public') return false
      const at = Date.parse(row.at)
      return at >= from && (to === null || at < to)
    },
  }
}
