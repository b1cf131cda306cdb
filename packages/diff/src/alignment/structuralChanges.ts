import type { StructuralChange } from '@accord/protocol'
import type { JsonNode } from '../documentUnits.js'
import { type ClauseEntry, clauseEntries } from './clauseEntries.js'

/**
 * Indexes (into `seq`) of one longest increasing subsequence, by patience sorting:
 * O(n log n), so 3,000 clauses cost nothing.
 */
const longestIncreasing = (seq: readonly number[]): Set<number> => {
  const tails: number[] = []
  const previous: number[] = new Array(seq.length).fill(-1)
  for (let i = 0; i < seq.length; i++) {
    const value = seq[i] as number
    let lo = 0
    let hi = tails.length
    while (lo < hi) {
      const mid = (lo + hi) >> 1
      if ((seq[tails[mid] as number] as number) < value) lo = mid + 1
      else hi = mid
    }
    if (lo > 0) previous[i] = tails[lo - 1] as number
    tails[lo] = i
  }
  const kept = new Set<number>()
  for (let i = tails.at(-1) ?? -1; i >= 0; i = previous[i] as number) kept.add(i)
  return kept
}

const change = (kind: StructuralChange['kind'], entry: ClauseEntry): StructuralChange => ({
  id: `${kind}:${entry.id}`,
  kind,
  clauseId: entry.id,
  number: entry.number,
  heading: entry.heading,
})

/**
 * What the translation lacks of the source's structure, tied by clause id: clauses the
 * source added (a split adds one), clauses it deleted (a merge deletes one), and clauses it
 * moved (to another place or under another clause). Moves are the fewest that explain the
 * order: the clauses outside the longest run that kept their order. Additions come in
 * source order, so a clause comes before its sub-clauses.
 */
export const structuralChangesOf = (
  sourceEntries: readonly ClauseEntry[],
  targetEntries: readonly ClauseEntry[],
): StructuralChange[] => {
  const inTarget = new Map(targetEntries.map((entry, index) => [entry.id, { entry, index }]))
  const inSource = new Set(sourceEntries.map((entry) => entry.id))
  const deletes = targetEntries.filter((e) => !inSource.has(e.id)).map((e) => change('delete', e))
  const adds = sourceEntries.filter((e) => !inTarget.has(e.id)).map((e) => change('add', e))
  const common = sourceEntries.filter((e) => inTarget.has(e.id))
  const order = longestIncreasing(common.map((e) => inTarget.get(e.id)?.index as number))
  const moves = common
    .filter((e, i) => !order.has(i) || inTarget.get(e.id)?.entry.parentId !== e.parentId)
    .map((e) => change('move', e))
  return [...deletes, ...adds, ...moves]
}

/** The same for two documents' texts. */
export const structuralChanges = (source: JsonNode, target: JsonNode): StructuralChange[] =>
  structuralChangesOf(clauseEntries(source), clauseEntries(target))
