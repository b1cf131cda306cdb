import {
  type AuditAction,
  canDecideComments,
  ErrorCode,
  type PublicComment,
  type PublicCommentStatus,
} from '@accord/protocol'
import type { ModeratePublicCommentRequest } from '@accord/protocol/requests'
import type { Actor } from '../documents/DocumentsContext.js'
import { conflict, forbidden, notFound } from '../errors/DomainError.js'
import { announcePublicComment, currentCommentView } from './announcePublicComment.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { consultationOf } from './consultationOf.js'

/**
 * A coordinator publishes or rejects a public comment (the reason of a rejection is kept
 * internally) and, once it is published, records the group's decision on it, as on any
 * comment. Every change is audited.
 */
export const moderatePublicComment = async (
  ctx: ConsultationsContext,
  actor: Actor,
  consultationId: string,
  commentId: string,
  request: ModeratePublicCommentRequest,
): Promise<PublicComment> => {
  if (!canDecideComments(actor.role)) {
    throw forbidden('Only a coordinator or the secretariat may moderate public comments')
  }
  const consultation = await consultationOf(ctx, consultationId)
  const comment = await ctx.publicComments.get(consultation.id, commentId)
  // An unconfirmed comment is not in moderation: for coordinators it does not exist yet.
  if (!comment || comment.status === 'unconfirmed') throw notFound('Unknown comment')
  // What the moderator saw may be older than what we just read: another coordinator's work
  // in between is not undone unknowingly.
  if (request.expectedStatus && request.expectedStatus !== comment.status) throw movedOn()
  const status = request.status ?? comment.status
  if (request.disposition !== undefined && status !== 'published') {
    throw conflict('Only a published comment gets a decision; publish it first', ErrorCode.conflict)
  }
  const audit = (action: AuditAction, details: Record<string, unknown>) =>
    ctx.audit.record({
      userId: actor.id,
      action,
      documentId: consultation.documentId,
      details: { consultationId: consultation.id, commentId: comment.id, ...details },
    })
  const reason = request.status === 'rejected' ? request.reason || null : null
  const moderated = await ctx.publicComments.moderate(
    comment.id,
    comment.status,
    {
      ...(request.status !== undefined
        ? { status: { to: request.status, rejectionReason: reason } }
        : {}),
      ...(request.disposition !== undefined ? { disposition: request.disposition } : {}),
    },
    actor.id,
  )
  // Someone else moderated it between our read and our write: nothing changed, say so.
  if (!moderated) throw movedOn()
  ctx.published.forget()
  if (request.status !== undefined) {
    await audit(statusAction[request.status], {
      from: comment.status,
      ...(reason ? { reason } : {}),
    })
  }
  if (request.disposition !== undefined) {
    await audit(
      'consultation.commentDecided',
      request.disposition
        ? { decision: request.disposition.decision, reason: request.disposition.reason }
        : { decision: null },
    )
  }
  const updated = await currentCommentView(ctx, consultation, comment.id)
  announcePublicComment(ctx, consultation, updated)
  return updated
}

const statusAction: Record<PublicCommentStatus, AuditAction> = {
  pending: 'consultation.commentPending',
  published: 'consultation.commentPublished',
  rejected: 'consultation.commentRejected',
}

/** Someone else moderated the comment since: nothing changed, and the moderator is told. */
const movedOn = () =>
  conflict('Someone else has just moderated this comment; reload to see it', ErrorCode.conflict)
