import { ClauseNode, newClauseId } from '@accord/schema'
import { Fragment, type ResolvedPos } from '@tiptap/pm/model'
import { type Command, TextSelection } from '@tiptap/pm/state'
import { headingStart } from './emptyClause'
import { selectedClause } from './selectedClause'

/**
 * Where to cut: at the very start or end of a body paragraph, cut between blocks rather than
 * leave an empty paragraph behind.
 */
const cutPoint = ($pos: ResolvedPos): number => {
  const { parent } = $pos
  if (!parent.isTextblock || parent.type.name === ClauseNode.heading) return $pos.pos
  if ($pos.parentOffset === 0) return $pos.before()
  if ($pos.parentOffset === parent.content.size) return $pos.after()
  return $pos.pos
}

/**
 * Splits the clause (or sub-clause) at the cursor into two: what follows the cursor becomes
 * a new clause right after, with a new id; the first part keeps the id (and the comments
 * that point at it). Cut in the body, the new clause gets an empty heading; cut in the
 * heading, it takes the rest of the heading.
 */
export const splitClause: Command = (state, dispatch) => {
  const around = selectedClause(state)
  const heading = state.schema.nodes[ClauseNode.heading]
  if (!around || !heading || !state.selection.empty) return false
  const contentStart = around.pos + 1
  const offset = cutPoint(state.selection.$from) - contentStart
  const headingSize = around.node.firstChild?.nodeSize ?? 0
  // Nothing to split off at the very start of the heading or after the last character.
  if (offset <= 1 || offset >= around.node.content.size) return false

  const before = around.node.content.cut(0, offset)
  const rest = around.node.content.cut(offset)
  const after = offset < headingSize ? rest : Fragment.from(heading.create()).append(rest)
  if (!around.node.type.validContent(before) || !around.node.type.validContent(after)) return false
  if (dispatch) {
    const first = around.node.type.create(around.node.attrs, before)
    const second = around.node.type.create({ id: newClauseId() }, after)
    const tr = state.tr.replaceWith(around.pos, around.pos + around.node.nodeSize, [first, second])
    tr.setSelection(TextSelection.create(tr.doc, headingStart(around.pos + first.nodeSize)))
    dispatch(tr.scrollIntoView())
  }
  return true
}
