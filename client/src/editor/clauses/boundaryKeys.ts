import { ClauseNode, isNumberedNodeName } from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type Command, TextSelection } from '@tiptap/pm/state'
import { removeNodeAt } from './deleteClause'
import { selectedClause } from './selectedClause'

/** Nothing typed in it: an empty heading, and nothing else but empty paragraphs. */
const isBlankClause = (node: PMNode): boolean => {
  let blank = true
  node.forEach((child, _offset, index) => {
    if (index === 0) blank &&= child.content.size === 0
    else blank &&= child.type.name === 'paragraph' && child.content.size === 0
  })
  return blank
}

/**
 * Backspace at the start of a clause heading. The stock join would try to pour the heading
 * into the block before it and can leave an invalid document, so: a blank clause (just
 * inserted, say) is removed; any other is left alone (merging is a command of its own).
 */
export const backspaceAtClauseStart: Command = (state, dispatch) => {
  const { selection } = state
  const { $from } = selection
  if (!selection.empty || $from.parentOffset !== 0 || $from.parent.type.name !== ClauseNode.heading)
    return false
  const around = selectedClause(state)
  if (!around) return false
  if (isBlankClause(around.node) && dispatch)
    dispatch(removeNodeAt(state.tr, around.pos, around.node.nodeSize).scrollIntoView())
  return true
}

/**
 * Delete at the end of a block whose next block lies in another clause (or past this
 * clause's end): the stock join would merge across clause boundaries, so nothing happens.
 */
export const deleteAtClauseEnd: Command = (state) => {
  const { selection } = state
  const { $from } = selection
  if (!selection.empty || !$from.parent.isTextblock) return false
  if ($from.parentOffset !== $from.parent.content.size) return false
  for (let depth = $from.depth - 1; depth >= 0; depth -= 1) {
    const parent = $from.node(depth)
    const index = $from.index(depth)
    if (index < parent.childCount - 1) {
      const next = parent.child(index + 1)
      return isNumberedNodeName(next.type.name)
    }
    if (isNumberedNodeName(parent.type.name)) return true
  }
  return false
}

/**
 * Enter at the end of a clause heading whose body starts with an empty paragraph (a new
 * clause has one) goes into that paragraph instead of adding a second one.
 */
export const enterAtHeadingEnd: Command = (state, dispatch) => {
  const { selection } = state
  const { $from } = selection
  if (!selection.empty || $from.parent.type.name !== ClauseNode.heading) return false
  if ($from.parentOffset !== $from.parent.content.size) return false
  const after = $from.after()
  const next = state.doc.resolve(after).nodeAfter
  if (next?.type.name !== 'paragraph' || next.content.size > 0) return false
  if (dispatch) dispatch(state.tr.setSelection(TextSelection.create(state.doc, after + 1)))
  return true
}
