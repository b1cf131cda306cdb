import { type DocumentSettings, writeSettings } from '@accord/schema'
import * as Y from 'yjs'

/** A Yjs update that only sets document settings (e.g. the language of a new, blank document). */
export const settingsUpdate = (settings: Partial<DocumentSettings>): Uint8Array => {
  const doc = new Y.Doc()
  writeSettings(doc, settings)
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}
