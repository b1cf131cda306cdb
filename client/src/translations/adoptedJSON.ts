import { baseDocument, docToJSON, documentSchema } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type * as Y from 'yjs'

/**
 * A document's adopted text (open suggestions left out), as the server aligns translations
 * with it: a suggestion in the source makes nothing outdated until it is accepted.
 */
export const adoptedJSON = (ydoc: Y.Doc): JSONContent =>
  baseDocument(documentSchema().nodeFromJSON(docToJSON(ydoc))).toJSON()
