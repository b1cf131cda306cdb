import { textToDocument } from '@accord/schema/textToDocument'
import { Fragment, type Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Selection, type Transaction } from '@tiptap/pm/state'

// With the parser: ClausePaste loads this module on the first paste.
export { looksLikeClauses } from '@accord/schema/textToDocument'

/** A document with nothing in it yet: one empty paragraph. */
const isEmptyDocument = (doc: PMNode): boolean =>
  doc.childCount === 1 && doc.firstChild?.type.name === 'paragraph' && doc.content.size <= 2

/**
 * Inserts plain text as preface and clauses (see `textToDocument`). In an empty document it
 * becomes the whole text, its first line the title; elsewhere it goes after the top-level
 * block or clause the cursor is in (or in place of an empty paragraph), never inside a clause.
 */
export const pasteClauses = (state: EditorState, text: string): Transaction => {
  const tr = state.tr
  if (isEmptyDocument(state.doc)) {
    const json = textToDocument(text)
    tr.replaceWith(0, state.doc.content.size, Fragment.fromJSON(state.schema, json.content))
    return tr.setSelection(Selection.atEnd(tr.doc))
  }
  const content = Fragment.fromJSON(state.schema, textToDocument(text, { title: false }).content)
  if (!tr.selection.empty) tr.deleteSelection()
  const { $from } = tr.selection
  const block = $from.depth > 0 ? $from.node(1) : null
  const replacesBlock = block?.type.name === 'paragraph' && block.content.size === 0
  const from = $from.depth === 0 ? $from.pos : $from.before(1)
  const to = $from.depth === 0 ? $from.pos : $from.after(1)
  if (replacesBlock) tr.replaceWith(from, to, content)
  else tr.insert(to, content)
  const end = (replacesBlock ? from : to) + content.size
  return tr.setSelection(Selection.near(tr.doc.resolve(end), -1))
}
