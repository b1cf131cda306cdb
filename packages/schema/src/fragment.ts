import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { documentSchema } from './documentSchema.js'
import { type DocumentSettings, writeSettings } from './documentSettings.js'

/** The name of the Y.XmlFragment that holds the document body, as Tiptap's Collaboration keeps it. */
export const BODY_FRAGMENT = 'default'

/** Reads a Y.Doc's body as ProseMirror JSON, headless (no editor, no DOM). */
export const docToJSON = (ydoc: Y.Doc): JSONContent =>
  yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FRAGMENT), documentSchema()).toJSON()

/**
 * Builds a Yjs update that holds `content` as a fresh document body, and `settings` (when
 * given) in the document's settings map.
 */
export const jsonToUpdate = (
  content: JSONContent,
  settings?: Partial<DocumentSettings>,
): Uint8Array => {
  const ydoc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(documentSchema(), content, ydoc.getXmlFragment(BODY_FRAGMENT))
  if (settings) writeSettings(ydoc, settings)
  const update = Y.encodeStateAsUpdate(ydoc)
  ydoc.destroy()
  return update
}
