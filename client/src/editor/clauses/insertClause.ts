import { ClauseNode } from '@accord/schema'
import { type Command, TextSelection } from '@tiptap/pm/state'
import { emptyClause, headingStart } from './emptyClause'
import { selectedClause } from './selectedClause'

/**
 * Inserts an empty clause above or below the one the cursor is in (a sub-clause next to a
 * sub-clause), or, in the preface, next to the block the cursor is in; the cursor goes to the
 * new heading.
 */
export const insertClause =
  (where: 'above' | 'below'): Command =>
  (state, dispatch) => {
    const around = selectedClause(state)
    const { $from } = state.selection
    let pos: number
    if (around) pos = where === 'above' ? around.pos : around.pos + around.node.nodeSize
    else if ($from.depth === 0) pos = $from.pos
    else pos = where === 'above' ? $from.before(1) : $from.after(1)
    const type = around?.node.type ?? state.schema.nodes[ClauseNode.clause]
    if (!type) return false
    if (dispatch) {
      const tr = state.tr.insert(pos, emptyClause(type))
      tr.setSelection(TextSelection.create(tr.doc, headingStart(pos)))
      dispatch(tr.scrollIntoView())
    }
    return true
  }

/**
 * Adds a sub-clause: at the end of the clause the cursor is in, or below the sub-clause the
 * cursor is in.
 */
export const insertSubclause: Command = (state, dispatch) => {
  const around = selectedClause(state)
  const type = state.schema.nodes[ClauseNode.subclause]
  if (!around || !type) return false
  if (around.node.type === type) return insertClause('below')(state, dispatch)
  // Just inside the clause's closing token: after its last child.
  const pos = around.pos + around.node.nodeSize - 1
  if (dispatch) {
    const tr = state.tr.insert(pos, emptyClause(type))
    tr.setSelection(TextSelection.create(tr.doc, headingStart(pos)))
    dispatch(tr.scrollIntoView())
  }
  return true
}
