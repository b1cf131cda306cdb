import {
  type ClauseDispositionSummary,
  type CompilationRow,
  DECISIONS,
  type Decision,
  type RoundDispositionSummary,
} from '@accord/protocol'
import type { RoundPeriod } from './roundPeriod.js'

type Counts = Pick<ClauseDispositionSummary, 'total' | 'undecided' | 'decisions'>

/** How many rows, how many without a decision, and how many of each decision. */
const count = (rows: readonly CompilationRow[]): Counts => {
  const counts: Counts = {
    total: 0,
    undecided: 0,
    decisions: Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>,
  }
  for (const row of rows) {
    counts.total += 1
    if (row.decision) counts.decisions[row.decision] += 1
    else counts.undecided += 1
  }
  return counts
}

/** Per clause, in the rows' order: how many rows and how many of each decision. */
export const summarise = (rows: CompilationRow[]): ClauseDispositionSummary[] => {
  const byClause = new Map<string | null, CompilationRow[]>()
  for (const row of rows) {
    const list = byClause.get(row.clauseId)
    if (list) list.push(row)
    else byClause.set(row.clauseId, [row])
  }
  return [...byClause.values()].map((list) => ({
    clauseId: list[0]?.clauseId ?? null,
    clauseNumber: list[0]?.clauseNumber ?? null,
    ...count(list),
  }))
}

/** Per round, in the order given: the rows made during it and their decisions. */
export const summariseRounds = (
  periods: readonly RoundPeriod[],
  rows: readonly (CompilationRow & { at: string })[],
): RoundDispositionSummary[] =>
  periods.map((period) => ({
    roundId: period.roundId,
    openedAt: new Date(period.from).toISOString(),
    closedAt: period.to === null ? null : new Date(period.to).toISOString(),
    ...count(rows.filter((row) => period.holds(row))),
  }))
