import {
  type AuditAction,
  type CommentThread,
  canChangeThreadStatus,
  canDecideComments,
} from '@accord/protocol'
import type { UpdateThreadRequest } from '@accord/protocol/requests'
import { forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { publishThread, threadOf } from './threadOf.js'

/**
 * Changes a thread: its status and typing (its author, coordinators, the secretariat) and its
 * disposition (coordinators, the secretariat). Permission for every part is checked before
 * anything changes; each change is audited.
 */
export const updateThread = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  threadId: string,
  request: UpdateThreadRequest,
): Promise<CommentThread> => {
  const thread = await threadOf(ctx, documentId, threadId)
  const typing = request.type !== undefined || request.proposedChange !== undefined
  if (
    (request.status !== undefined || typing) &&
    !canChangeThreadStatus(actor.role, thread.createdBy === actor.id)
  ) {
    throw forbidden(
      'Only the thread’s author, a coordinator or the secretariat may resolve, reopen or retype it',
    )
  }
  if (request.disposition !== undefined && !canDecideComments(actor.role)) {
    throw forbidden('Only a coordinator or the secretariat may record a decision on a comment')
  }
  const audit = (action: AuditAction, details: Record<string, unknown> = {}) =>
    ctx.audit.record({
      userId: actor.id,
      action,
      documentId,
      details: { threadId: thread.id, ...details },
    })
  if (request.status !== undefined && thread.status !== request.status) {
    await ctx.comments.setStatus(thread.id, request.status, actor.id)
    await audit(request.status === 'resolved' ? 'comment.resolved' : 'comment.reopened')
  }
  if (typing) {
    const proposedChange =
      request.proposedChange === undefined ? undefined : request.proposedChange || null
    await ctx.comments.setTyping(thread.id, { type: request.type, proposedChange })
    await audit('comment.typed', {
      ...(request.type ? { type: request.type } : {}),
      ...(proposedChange !== undefined ? { proposedChange } : {}),
    })
  }
  if (request.disposition !== undefined) {
    await ctx.comments.setDisposition(thread.id, request.disposition, actor.id)
    await audit(
      'comment.decided',
      request.disposition
        ? { decision: request.disposition.decision, reason: request.disposition.reason }
        : { decision: null },
    )
  }
  return publishThread(ctx, documentId, thread.id)
}
