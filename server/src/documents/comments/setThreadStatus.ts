import { type CommentThread, canChangeThreadStatus } from '@accord/protocol'
import type { ThreadStatusRequest } from '@accord/protocol/requests'
import { forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { publishThread, threadOf } from './threadOf.js'

/** Resolves or reopens a thread (its author, coordinators, the secretariat); audited when it changes. */
export const setThreadStatus = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  threadId: string,
  { status }: ThreadStatusRequest,
): Promise<CommentThread> => {
  const thread = await threadOf(ctx, documentId, threadId)
  if (!canChangeThreadStatus(actor.role, thread.createdBy === actor.id)) {
    throw forbidden(
      'Only the thread’s author, a coordinator or the secretariat may resolve or reopen it',
    )
  }
  if (thread.status !== status) {
    await ctx.comments.setStatus(thread.id, status, actor.id)
    await ctx.audit.record({
      userId: actor.id,
      action: status === 'resolved' ? 'comment.resolved' : 'comment.reopened',
      documentId,
      details: { threadId: thread.id },
    })
  }
  return publishThread(ctx, documentId, thread.id)
}
