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
