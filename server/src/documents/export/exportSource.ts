import type { ExportCarried, TaskText } from '@accord/export'
import { type DocumentInfo, DocumentStatus, type Finalization } from '@accord/protocol'
import { type DocumentSettings, readSettings, settingsOfState } from '@accord/schema'
import type { DocumentsContext } from '../DocumentsContext.js'

/** The text to export, with the settings that number and label its clauses. */
export interface ExportSource {
  /**
   * A stored version's JSON, or the live document's encoded state: the export's worker reads
   * it (with where each comment's words are now), not the main thread.
   */
  content: TaskText
  settings: DocumentSettings
  /** The version's name; absent for the current text. */
  versionName?: string
  /** When this text was current: the version's time, or now; for a final text, when it became final. */
  date: Date
  /** Set for a document's final text, with what it carried as its appendix. */
  final?: { carried?: ExportCarried }
}

/** What a finalization carried, in the export's terms. */
const carriedBy = (finalization: Finalization | undefined): ExportCarried | undefined => {
  const appendix = finalization?.appendix
  if (!appendix) return undefined
  return {
    suggestions: appendix.suggestions.map((s) => ({
      clauseId: s.clauseId,
      kind: s.kind,
      author: s.authorName,
      at: new Date(s.at),
      deleted: s.deleted,
      inserted: s.inserted,
    })),
    comments: appendix.comments.map((c) => ({
      clauseId: c.clauseId,
      quote: c.quote,
      messages: c.messages.map((m) => ({ ...m, createdAt: new Date(m.createdAt) })),
    })),
  }
}

/**
 * The current text, as the live document (the same Y.Doc the editors write) holds it; or a
 * stored version with its own settings (labels may have changed since); undefined for a
 * version this document does not have. The current text of a final document, and the version
 * a finalization kept, are the final text, dated when the document was made final.
 */
export const exportSource = async (
  ctx: Pick<DocumentsContext, 'live' | 'versions' | 'finalizations'>,
  doc: DocumentInfo,
  versionId: string | undefined,
): Promise<ExportSource | undefined> => {
  if (versionId === undefined) {
    const isFinal = doc.status === DocumentStatus.final
    const finalization = isFinal ? await ctx.finalizations.latest(doc.id) : undefined
    const text = await ctx.live.read(doc.id, (live) => ({
      content: live.encodedState(),
      settings: readSettings(live.doc),
    }))
    if (!isFinal) return { ...text, date: new Date() }
    // A document made final before finalizations were recorded: its status change says when.
    const date = new Date(finalization?.finalizedAt ?? doc.statusChangedAt)
    return { ...text, date, final: { carried: carriedBy(finalization) } }
  }
  const [info, stored, finalization] = await Promise.all([
    ctx.versions.info(doc.id, versionId),
    ctx.versions.content(doc.id, versionId),
    ctx.finalizations.ofVersion(doc.id, versionId),
  ])
  if (!info || !stored) return undefined
  return {
    content: stored.content,
    settings: settingsOfState(stored.state),
    versionName: info.name,
    date: new Date(finalization?.finalizedAt ?? info.createdAt),
    ...(finalization ? { final: { carried: carriedBy(finalization) } } : {}),
  }
}
