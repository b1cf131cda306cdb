import {
  type ClauseDispositionSummary,
  type CompilationRow,
  DECISIONS,
  type Decision,
} from '@accord/protocol'

/** Per clause, in the rows' order: how many rows and how many of each decision. */
export const summarise = (rows: CompilationRow[]): ClauseDispositionSummary[] => {
  const byClause = new Map<string | null, ClauseDispositionSummary>()
  for (const row of rows) {
    let entry = byClause.get(row.clauseId)
    if (!entry) {
      entry = {
        clauseId: row.clauseId,
        clauseNumber: row.clauseNumber,
        total: 0,
        undecided: 0,
        decisions: Object.fromEntries(DECISIONS.map((d) => [d, 0])) as Record<Decision, number>,
      }
      byClause.set(row.clauseId, entry)
    }
    entry.total += 1
    if (row.decision) entry.decisions[row.decision] += 1
    else entry.undecided += 1
  }
  return [...byClause.values()]
}
