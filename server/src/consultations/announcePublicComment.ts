import type { PublicComment } from '@accord/protocol'
import { notFound } from '../errors/DomainError.js'
import type { StoredConsultation } from '../store/ConsultationStore.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { publicCommentView } from './publicCommentView.js'

/** A comment as coordinators see it now (with its clause's number in the consultation's version). */
export const currentCommentView = async (
  ctx: Pick<ConsultationsContext, 'publicComments' | 'texts'>,
  consultation: StoredConsultation,
  commentId: string,
): Promise<PublicComment> => {
  const [comment, text] = await Promise.all([
    ctx.publicComments.get(consultation.id, commentId),
    ctx.texts.get(consultation.documentId, consultation.versionId),
  ])
  if (!comment) throw notFound('Unknown comment')
  return publicCommentView(comment, text?.numberOf ?? new Map())
}

/**
 * Tells the moderation pages that a comment entered moderation. The comment is stored by
 * then: a failure to announce it is logged and never fails the commenter's request (they
 * would send it again).
 */
export const announceEnteringModeration = async (
  ctx: Pick<ConsultationsContext, 'events' | 'logger' | 'publicComments' | 'texts'>,
  consultation: StoredConsultation,
  commentId: string,
): Promise<void> => {
  try {
    announcePublicComment(ctx, consultation, await currentCommentView(ctx, consultation, commentId))
  } catch (err) {
    ctx.logger.warn(
      { err, consultationId: consultation.id, commentId },
      'could not tell the moderation pages of a comment',
    )
  }
}

/**
 * Tells every open moderation page of the document, on every instance, what became of a
 * comment in moderation. The event stream gives it only to those who may moderate.
 */
export const announcePublicComment = (
  ctx: Pick<ConsultationsContext, 'events'>,
  consultation: StoredConsultation,
  comment: PublicComment,
): void => {
  ctx.events.publish(consultation.documentId, {
    type: 'publicComment',
    consultationId: consultation.id,
    comment,
  })
}

/**
 * Tells every open moderation page of the document that a person's data was erased: on
 * request, the comments they sent, as they now are (without name and organization), to be
 * shown so at once; after the retention period, no comment (only addresses went, which no
 * page shows), so the pages read their counts again. The erasure is done by then: a failure
 * to announce it is logged and never fails it.
 */
export const announceErased = async (
  ctx: Pick<ConsultationsContext, 'events' | 'logger' | 'publicComments' | 'texts'>,
  consultation: StoredConsultation,
  reason: 'request' | 'retention',
  commentIds: readonly string[],
): Promise<void> => {
  try {
    const comments = await Promise.all(
      commentIds.map((id) => currentCommentView(ctx, consultation, id)),
    )
    ctx.events.publish(consultation.documentId, {
      type: 'publicCommentsErased',
      consultationId: consultation.id,
      reason,
      comments,
    })
  } catch (err) {
    ctx.logger.warn(
      { err, consultationId: consultation.id },
      'could not tell the moderation pages of an erasure',
    )
  }
}
