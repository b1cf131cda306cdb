import type { ExportedFile, ExportFormat, ExportThread } from '@accord/export'
import {
  BILINGUAL_FORMATS,
  type CommentThread,
  type DocumentInfo,
  ErrorCode,
} from '@accord/protocol'
import type { ExportQuery } from '@accord/protocol/requests'
import { conflict, invalid, notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { exportRefusal } from './exportRefusal.js'
import { exportSource } from './exportSource.js'

/** What to export; `versionId` absent: the current text. */
export type ExportRequest = Omit<ExportQuery, 'version'> & { versionId?: string }

/** The open threads; where their words are now is found when the text is read. */
const exportThreads = (threads: readonly CommentThread[]): ExportThread[] =>
  threads.map((thread) => ({
    clauseId: thread.clauseId,
    quote: thread.quote,
    messages: thread.messages.map((message) => ({
      author: message.author.name,
      body: message.body,
      createdAt: new Date(message.createdAt),
    })),
  }))

/** The source a translation's two-column copy stands beside; refused for a source or a format without one. */
const bilingualSourceOf = async (
  ctx: DocumentsContext,
  doc: DocumentInfo,
  format: ExportFormat,
): Promise<DocumentInfo> => {
  if (!(BILINGUAL_FORMATS as readonly string[]).includes(format))
    throw invalid(`bilingual: only ${BILINGUAL_FORMATS.join(', ')}`)
  const source = doc.sourceDocumentId ? await ctx.catalog.get(doc.sourceDocumentId) : undefined
  if (!source)
    throw conflict('Only a translation has a source to stand beside', ErrorCode.notATranslation)
  return source
}

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
  const beside = request.bilingual ? await bilingualSourceOf(ctx, doc, request.format) : undefined
  const file = await render(ctx, actor, doc, request, beside).catch((err: unknown) => {
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
      bilingual: Boolean(beside),
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
  /** A two-column copy beside this source's current text. */
  beside: DocumentInfo | undefined,
): Promise<ExportedFile> => {
  const place = ctx.exportQueue.enter(actor.id)
  try {
    await place.turn
    const open = request.comments
      ? (await ctx.comments.list(doc.id)).filter((thread) => thread.status === 'open')
      : undefined
    const source = await exportSource(ctx, doc, request.versionId)
    if (!source) throw notFound('Unknown version')
    const threads = open && exportThreads(open)
    const besideText = beside ? await exportSource(ctx, beside, undefined) : undefined
    return await ctx.exportPool.render({
      format: request.format,
      // Where the words are now is found in the current text as it is read; a version keeps
      // the quotes.
      ...(open && source.content instanceof Uint8Array
        ? { anchors: open.map((thread) => thread.anchor) }
        : {}),
      ...(beside && besideText
        ? {
            bilingualSource: {
              content: besideText.content,
              meta: {
                documentId: beside.id,
                title: beside.title,
                ...besideText.settings,
                date: besideText.date,
                suggestions: request.suggestions,
              },
            },
          }
        : {}),
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
