import {
  BODY_FRAGMENT,
  documentSchema,
  listSuggestions,
  type SuggestionAuthor,
  type SuggestionSummary,
  suggestTransaction,
} from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { NodeType, Node as PMNode } from '@tiptap/pm/model'
import { wrapInList } from '@tiptap/pm/schema-list'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** A client's text as a ProseMirror node. */
export const pmDoc = (doc: Y.Doc): PMNode =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), documentSchema())

/** Every suggestion a client sees. */
export const suggestionsIn = (doc: Y.Doc): SuggestionSummary[] => listSuggestions(pmDoc(doc))

/** Plain text of every block, joined by newlines, without the suggest mode's zero-width markers. */
export const plainText = (doc: Y.Doc): string =>
  pmDoc(doc).textBetween(0, pmDoc(doc).content.size, '\n', '\n').replaceAll('\u200B', '')

/**
 * Edits a client's Y.Doc the way the editor does: a ProseMirror transaction, turned into a
 * suggestion when `author` is given (suggest mode), written through the y-tiptap binding.
 */
export const editAs = (
  doc: Y.Doc,
  edit: (tr: Transaction) => void,
  author?: SuggestionAuthor,
): void => {
  const state = EditorState.create({ schema: documentSchema(), doc: pmDoc(doc) })
  const tr = state.tr
  edit(tr)
  const result = author ? suggestTransaction(state, tr, author) : tr
  doc.transact(() =>
    prosemirrorJSONToYXmlFragment(
      documentSchema(),
      result.doc.toJSON(),
      doc.getXmlFragment(BODY_FRAGMENT),
    ),
  )
}

/** An edit that makes the paragraph holding `text` a bullet list item (Ctrl+Shift+8 in the editor). */
export const makeListItem =
  (text: string) =>
  (tr: Transaction): void => {
    tr.setSelection(TextSelection.create(tr.doc, posOf(tr.doc, text)))
    // The command writes into the state's `tr`, here the edit's own.
    const state = { doc: tr.doc, selection: tr.selection, tr } as unknown as EditorState
    wrapInList(tr.doc.type.schema.nodes.bulletList as NodeType)(state, () => undefined)
  }

/** Replaces a client's whole body with `content` (to seed a test document). */
export const writeBody = (doc: Y.Doc, content: JSONContent): void => {
  doc.transact(() =>
    prosemirrorJSONToYXmlFragment(documentSchema(), content, doc.getXmlFragment(BODY_FRAGMENT)),
  )
}

/** The position of the first occurrence of `text` in the document. */
export const posOf = (doc: PMNode, text: string): number => {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1
    if (at >= 0) found = pos + at
    return true
  })
  if (found < 0) throw new Error(`"${text}" is not in the document`)
  return found
}

/** Two clauses to review. */
export const twoClauses: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'scope' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Scope' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'The rules apply to members.' }] },
      ],
    },
    {
      type: 'clause',
      attrs: { id: 'terms' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Terms' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Words mean what they say.' }] },
      ],
    },
  ],
}
