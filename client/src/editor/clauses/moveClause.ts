import { findClauseById } from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type Command, type EditorState, TextSelection } from '@tiptap/pm/state'
import { selectedClause } from './selectedClause'

/** The nearest sibling of the same type in `direction`, skipping other blocks between. */
const neighbour = (state: EditorState, pos: number, node: PMNode, direction: 'up' | 'down') => {
  const $pos = state.doc.resolve(pos)
  const parent = $pos.parent
  const step = direction === 'up' ? -1 : 1
  for (let i = $pos.index() + step; i >= 0 && i < parent.childCount; i += step) {
    const sibling = parent.child(i)
    if (sibling.type === node.type) return sibling
  }
  return null
}

/**
 * Moves the clause (or sub-clause) at the cursor past the previous or next one of its kind;
 * blocks between them stay where they are. Ids move with their clauses; numbers follow.
 *
 * It takes two transactions, out then back in, so that the Yjs binding records a deletion
 * and an insertion of this clause alone. In one transaction the binding may instead rewrite
 * both neighbours in place, and a collaborator's concurrent typing would land in the wrong
 * clause. The price: what someone types in the moving clause at that very moment is lost.
 */
export const moveClause =
  (direction: 'up' | 'down'): Command =>
  (state, dispatch, view) => {
    const around = selectedClause(state)
    if (!around) return false
    const target = neighbour(state, around.pos, around.node, direction)
    const targetId = target?.attrs.id
    if (!target || typeof targetId !== 'string') return false
    if (!dispatch) return true

    const offset = state.selection.from - around.pos
    const out = state.tr.delete(around.pos, around.pos + around.node.nodeSize)
    dispatch(out)
    // The view's state includes what plugins appended to the first transaction.
    const current = view?.state ?? state.apply(out)
    const found = findClauseById(current.doc, targetId)
    if (!found) return true
    const at = direction === 'up' ? found.pos : found.pos + found.node.nodeSize
    const back = current.tr.insert(at, around.node)
    const cursor = Math.min(at + offset, at + around.node.nodeSize - 1)
    back.setSelection(TextSelection.near(back.doc.resolve(cursor)))
    dispatch(back.scrollIntoView())
    return true
  }
