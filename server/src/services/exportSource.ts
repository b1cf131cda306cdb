import { type DocumentSettings, docToJSON, readSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import type { RoomRegistry } from '../collab/RoomRegistry.js'
import type { VersionStore } from '../store/VersionStore.js'

/** The text to export, with the settings that number and label its clauses. */
export interface ExportSource {
  content: JSONContent
  settings: DocumentSettings
  /** The version's name; absent for the current text. */
  versionName?: string
  /** When this text was current: the version's time, or now. */
  date: Date
}

/** A version's settings, as its own snapshot holds them (labels may have changed since). */
const settingsOfState = (state: Uint8Array): DocumentSettings => {
  const ydoc = new Y.Doc()
  try {
    Y.applyUpdate(ydoc, state)
    return readSettings(ydoc)
  } finally {
    ydoc.destroy()
  }
}

/**
 * The current text, read from the live room (the same Y.Doc the editors write), or a stored
 * version; undefined for a version this document does not have.
 */
export const exportSource = async (
  deps: { registry: RoomRegistry; versions: VersionStore },
  documentId: string,
  versionId: string | undefined,
): Promise<ExportSource | undefined> => {
  if (versionId === undefined) {
    return deps.registry.withDocument(documentId, (room) => ({
      content: docToJSON(room.doc),
      settings: readSettings(room.doc),
      date: new Date(),
    }))
  }
  const [info, stored] = await Promise.all([
    deps.versions.info(documentId, versionId),
    deps.versions.content(documentId, versionId),
  ])
  if (!info || !stored) return undefined
  return {
    content: stored.content,
    settings: settingsOfState(stored.state),
    versionName: info.name,
    date: new Date(info.createdAt),
  }
}
