import { findClauseById } from '@accord/schema'
import { type Command, Selection, type Transaction } from '@tiptap/pm/state'

/** Removes the node at `pos`, leaving an empty paragraph if the document would be empty. */
export const removeNodeAt = (tr: Transaction, pos: number, size: number): Transaction => {
  const $pos = tr.doc.resolve(pos)
  const onlyChild = $pos.depth === 0 && tr.doc.childCount === 1
  const paragraph = tr.doc.type.schema.nodes.paragraph
  if (onlyChild && paragraph) tr.replaceWith(pos, pos + size, paragraph.create())
  else tr.delete(pos, pos + size)
  return tr.setSelection(Selection.near(tr.doc.resolve(Math.min(pos, tr.doc.content.size)), -1))
}

/**
 * Deletes the clause or sub-clause with this id, with everything in it. By id, because the
 * person confirmed deleting that clause; meanwhile others may have moved it.
 */
export const deleteClause =
  (id: string): Command =>
  (state, dispatch) => {
    const found = findClauseById(state.doc, id)
    if (!found) return false
    if (dispatch) dispatch(removeNodeAt(state.tr, found.pos, found.node.nodeSize).scrollIntoView())
    return true
  }
