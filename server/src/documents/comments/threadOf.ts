import type { CommentThread } from '@accord/protocol'
import { notFound } from '../../errors/DomainError.js'
import type { DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/** The thread with this id in this document, or `not_found` (for either). */
export const threadOf = async (
  ctx: DocumentsContext,
  documentId: string,
  threadId: string,
): Promise<CommentThread> => {
  const doc = await documentOf(ctx, documentId)
  const thread = await ctx.comments.get(doc.id, threadId)
  if (!thread) throw notFound('Unknown comment thread')
  return thread
}

/** Sends the thread as it is now to everyone watching the document, and returns it. */
export const publishThread = async (
  ctx: DocumentsContext,
  documentId: string,
  threadId: string,
): Promise<CommentThread> => {
  const thread = await ctx.comments.get(documentId, threadId)
  if (!thread) throw notFound('Unknown comment thread')
  ctx.events.publish(documentId, { type: 'thread', thread })
  return thread
}
