import type { ExportedFile, ExportThread } from '@accord/export'
import type { CommentThread, DocumentInfo } from '@accord/protocol'
import type { ExportQuery } from '@accord/protocol/requests'
import { notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { exportRefusal } from './exportRefusal.js'
import { exportSource } from './exportSource.js'

/** What to export; `versionId` absent: the current text. */
export type ExportRequest = Omit<ExportQuery, 'version'> & { versionId?: string }

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
 * One export (every role may export): a place in the queue (or `too_many_requests` at once,
 * before anything is read), then, when a worker is free, the text read on the main thread (a
 * snapshot of the live document, or the stored version), rendered in a worker thread, and the
 * audit entry. The text is read only at its turn, so it is current and no more snapshots are
 * held than there are workers.
 */
export const exportDocument = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  request: ExportRequest,
): Promise<ExportedFile> => {
  const doc = await documentOf(ctx, documentId)
  const file = await render(ctx, actor, doc, request).catch((err: unknown) => {
    throw exportRefusal(err)
  })
  await ctx.audit.record({
    userId: actor.id,
    action: 'document.exported',
    documentId: doc.id,
    details: {
      format: request.format,
      versionId: request.versionId ?? null,
      comments: request.comments !== undefined,
      suggestions: request.suggestions,
    },
  })
  return file
}

/** Waits for a place, reads the text at its turn and renders it in a worker. */
const render = async (
  ctx: DocumentsContext,
  actor: Actor,
  doc: DocumentInfo,
  request: ExportRequest,
): Promise<ExportedFile> => {
  const place = ctx.exportQueue.enter(actor.id)
  try {
    await place.turn
    const source = await exportSource(ctx, doc, request.versionId)
    if (!source) throw notFound('Unknown version')
    const threads = request.comments ? openThreads(await ctx.comments.list(doc.id)) : undefined
    return await ctx.exportPool.render({
      format: request.format,
      content: source.content,
      meta: {
        documentId: doc.id,
        title: doc.title,
        ...source.settings,
        versionName: source.versionName,
        date: source.date,
        final: source.final !== undefined,
        carried: source.final?.carried,
        threads,
        suggestions: request.suggestions,
      },
    })
  } finally {
    place.release()
  }
}
