import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'
import { changedRange, changedTextblock } from './changedRange.js'
import { isValidClauseId, newClauseId } from './newClauseId.js'
import { numberedClauses } from './numberedClauses.js'

export const clauseIdPluginKey = new PluginKey('clauseIds')

/** Where each id sat before the transactions, mapped to where that node is now. */
const previousPositions = (
  transactions: readonly Transaction[],
  oldDoc: PMNode,
): Map<string, number> => {
  const mapping = new Mapping(transactions.flatMap((tr) => tr.mapping.maps))
  const positions = new Map<string, number>()
  for (const { node, pos } of numberedClauses(oldDoc)) {
    const id = node.attrs.id
    if (!isValidClauseId(id)) continue
    const mapped = mapping.mapResult(pos, 1)
    if (!mapped.deleted) positions.set(id, mapped.pos)
  }
  return positions
}

/**
 * The transaction that makes every clause and sub-clause id present and unique, or null when
 * they already are. Of two nodes with one id, the one that already held it before these
 * transactions keeps it (a split, paste or duplicate gets the new id); failing that, the
 * first in document order keeps it, so every replica repairs a concurrent duplicate alike.
 */
export const repairClauseIds = (
  transactions: readonly Transaction[],
  oldState: EditorState,
  newState: EditorState,
): Transaction | null => {
  const clauses = numberedClauses(newState.doc)
  const byId = new Map<string, number[]>()
  for (const { node, pos } of clauses) {
    const id = node.attrs.id
    if (isValidClauseId(id)) byId.set(id, [...(byId.get(id) ?? []), pos])
  }
  const needsRepair = clauses.some(({ node }) => {
    const id = node.attrs.id
    return !isValidClauseId(id) || (byId.get(id)?.length ?? 0) > 1
  })
  if (!needsRepair) return null

  const before = previousPositions(transactions, oldState.doc)
  const keeperOf = (id: string, positions: number[]): number => {
    const previous = before.get(id)
    return previous !== undefined && positions.includes(previous) ? previous : (positions[0] ?? -1)
  }
  const taken = new Set(byId.keys())
  const fresh = (): string => {
    let id = newClauseId()
    while (taken.has(id)) id = newClauseId()
    taken.add(id)
    return id
  }

  // Attribute steps do not move positions, so the positions found above stay valid.
  const tr = newState.tr
  for (const { node, pos } of clauses) {
    const id = node.attrs.id
    const positions = isValidClauseId(id) ? (byId.get(id) ?? []) : []
    if (isValidClauseId(id) && (positions.length < 2 || keeperOf(id, positions) === pos)) continue
    tr.setNodeAttribute(pos, 'id', fresh())
  }
  return tr
}

/**
 * Keeps clause ids present and unique after every change, local or remote (appendTransaction),
 * and leaves them alone otherwise: an id never changes when its clause moves or is renumbered.
 * A change inside one textblock of a text already checked (typing, here or remotely) touches
 * no id, so only other changes walk the clauses.
 */
export const clauseIdPlugin = (): Plugin => {
  // Texts whose ids are known present and unique.
  const checked = new WeakSet<PMNode>()
  return new Plugin({
    key: clauseIdPluginKey,
    appendTransaction: (transactions, oldState, newState) => {
      if (!transactions.some((tr) => tr.docChanged)) return null
      if (checked.has(oldState.doc)) {
        const range = changedRange(oldState.doc, newState.doc)
        if (!range || changedTextblock(oldState.doc, newState.doc, range)) {
          checked.add(newState.doc)
          return null
        }
      }
      const repair = repairClauseIds(transactions, oldState, newState)
      // A repair is a transaction of its own, and comes back here to be checked.
      if (!repair) checked.add(newState.doc)
      return repair
    },
  })
}
