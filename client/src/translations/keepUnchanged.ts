import type { AlignedClause } from '@accord/protocol'
import { deepEqual } from 'fast-equals'
import type { LiveAlignment } from './useLiveAlignment'

/**
 * `next` with every part equal to `previous`'s taken from `previous`, and `previous` itself
 * when nothing changed. A keystroke changes one clause of hundreds: with the others the same
 * objects, the worklist redraws one row (its rows are memoized), and a recomputation that
 * changed nothing redraws nothing. `alignEntries` already keeps the clauses it did not align
 * anew; this also keeps the equal ones it did (after a marking or the glossary arrived).
 */
export const keepUnchanged = (
  previous: LiveAlignment | null,
  next: LiveAlignment,
): LiveAlignment => {
  if (!previous) return next
  const before = new Map(previous.clauses.map((clause) => [clause.clauseId, clause]))
  let same = previous.clauses.length === next.clauses.length
  const clauses = next.clauses.map((clause, i): AlignedClause => {
    const old = before.get(clause.clauseId)
    const kept = old && deepEqual(old, clause) ? old : clause
    if (kept !== previous.clauses[i]) same = false
    return kept
  })
  const counts = deepEqual(previous.counts, next.counts) ? previous.counts : next.counts
  const pending = deepEqual(previous.pending, next.pending) ? previous.pending : next.pending
  if (
    same &&
    counts === previous.counts &&
    pending === previous.pending &&
    next.glossary === previous.glossary
  )
    return previous
  return { clauses: same ? previous.clauses : clauses, counts, pending, glossary: next.glossary }
}
