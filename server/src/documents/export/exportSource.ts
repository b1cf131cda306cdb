import { type DocumentSettings, docToJSON, readSettings, settingsOfState } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { DocumentsContext } from '../DocumentsContext.js'

/** The text to export, with the settings that number and label its clauses. */
export interface ExportSource {
  content: JSONContent
  settings: DocumentSettings
  /** The version's name; absent for the current text. */
  versionName?: string
  /** When this text was current: the version's time, or now. */
  date: Date
}

/**
 * The current text, read from the live document (the same Y.Doc the editors write), or a
 * stored version with its own settings (labels may have changed since); undefined for a
 * version this document does not have.
 */
export const exportSource = async (
  ctx: Pick<DocumentsContext, 'live' | 'versions'>,
  documentId: string,
  versionId: string | undefined,
): Promise<ExportSource | undefined> => {
  if (versionId === undefined) {
    return ctx.live.read(documentId, ({ doc }) => ({
      content: docToJSON(doc),
      settings: readSettings(doc),
      date: new Date(),
    }))
  }
  const [info, stored] = await Promise.all([
    ctx.versions.info(documentId, versionId),
    ctx.versions.content(documentId, versionId),
  ])
  if (!info || !stored) return undefined
  return {
    content: stored.content,
    settings: settingsOfState(stored.state),
    versionName: info.name,
    date: new Date(info.createdAt),
  }
}
