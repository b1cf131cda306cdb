import { baseDocument, docToJSON, documentSchema, withoutMarkers } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import type * as Y from 'yjs'
import { mayHoldSuggestions } from '../suggestions/suggestionDecorations'

/**
 * A document's adopted text (open suggestions left out), as the server aligns translations
 * with it: a suggestion in the source makes nothing outdated until it is accepted.
 */
export const adoptedJSON = (ydoc: Y.Doc): JSONContent =>
  baseDocument(documentSchema().nodeFromJSON(docToJSON(ydoc))).toJSON()

/** Each top-level block's JSON, by node: blocks nobody changed are the same node in the next state. */
const blockJSON = new WeakMap<PMNode, JSONContent>()

/**
 * The same, from an open editor's text, recomputed only for the blocks that changed since
 * the last call: the side-by-side view asks for it every time either text changes. A text
 * holding suggestions takes the whole way (`baseDocument`), since rejecting one may join
 * blocks; without suggestions the adopted text is the text, less suggest mode's markers.
 */
export const adoptedJSONOfState = (state: EditorState): JSONContent => {
  const { doc } = state
  if (mayHoldSuggestions(state)) return baseDocument(doc).toJSON()
  const content: JSONContent[] = []
  doc.forEach((child) => {
    let json = blockJSON.get(child)
    if (!json) {
      json = (withoutMarkers(doc.type.create(doc.attrs, child)).firstChild ?? child).toJSON()
      blockJSON.set(child, json as JSONContent)
    }
    content.push(json as JSONContent)
  })
  const top: JSONContent = { type: doc.type.name }
  if (Object.keys(doc.attrs).length > 0) top.attrs = doc.attrs
  return { ...top, content }
}
