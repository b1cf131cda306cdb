import type { ExportedFile, ExportFormat, ExportThread, SuggestionMode } from '@accord/export'
import type { CommentThread } from '@accord/protocol'
import type { RoomRegistry } from '../collab/RoomRegistry.js'
import type { ExportPool } from '../export/ExportPool.js'
import type { ExportQueue } from '../export/ExportQueue.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { CommentStore } from '../store/CommentStore.js'
import type { VersionStore } from '../store/VersionStore.js'
import { exportSource } from './exportSource.js'

export interface ExportRequest {
  documentId: string
  title: string
  format: ExportFormat
  /** A version; absent for the current text. */
  versionId?: string
  /** Append the open comment threads. */
  comments: boolean
  suggestions: SuggestionMode
  /** A two-column copy beside this source (the translation's source; its current text). */
  bilingualSource?: { documentId: string; title: string }
}

const openThreads = (threads: readonly CommentThread[]): ExportThread[] =>
  threads
    .filter((thread) => thread.status === 'open')
    .map((thread) => ({
      clauseId: thread.clauseId,
      quote: thread.quote,
      messages: thread.messages.map((message) => ({
        author: message.author.name,
        body: message.body,
        createdAt: new Date(message.createdAt),
      })),
    }))

/**
 * One export, for `userId`: a place in the queue (or `ExportsBusy` at once, before anything
 * is read), then, when a worker is free, the text read on the main thread (a snapshot of the
 * live room, or the stored version), rendered in a worker thread, and the audit entry. The
 * text is read only at its turn, so it is current and no more snapshots are held than there
 * are workers. Undefined for a version this document does not have.
 */
export const renderExport = async (
  deps: {
    registry: RoomRegistry
    versions: VersionStore
    comments: CommentStore
    audit: AuditLog
    exportQueue: ExportQueue
    exportPool: ExportPool
  },
  userId: string,
  request: ExportRequest,
): Promise<ExportedFile | undefined> => {
  const place = deps.exportQueue.enter(userId)
  try {
    await place.turn
    const source = await exportSource(deps, request.documentId, request.versionId)
    if (!source) return undefined
    const threads = request.comments
      ? openThreads(await deps.comments.list(request.documentId))
      : undefined
    const beside = request.bilingualSource
      ? await exportSource(deps, request.bilingualSource.documentId, undefined)
      : undefined
    const file = await deps.exportPool.render({
      format: request.format,
      ...(beside && request.bilingualSource
        ? {
            bilingualSource: {
              content: beside.content,
              meta: {
                documentId: request.bilingualSource.documentId,
                title: request.bilingualSource.title,
                ...beside.settings,
                date: beside.date,
                suggestions: request.suggestions,
              },
            },
          }
        : {}),
      content: source.content,
      meta: {
        documentId: request.documentId,
        title: request.title,
        ...source.settings,
        versionName: source.versionName,
        date: source.date,
        threads,
        suggestions: request.suggestions,
      },
    })
    await deps.audit.record({
      userId,
      action: 'document.exported',
      documentId: request.documentId,
      details: {
        format: request.format,
        versionId: request.versionId ?? null,
        comments: Boolean(threads),
        suggestions: request.suggestions,
        bilingual: Boolean(beside),
      },
    })
    return file
  } finally {
    place.release()
  }
}
