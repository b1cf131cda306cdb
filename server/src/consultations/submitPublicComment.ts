import { ErrorCode, type Language } from '@accord/protocol'
import type { PublicCommentRequest } from '@accord/protocol/requests'
import { conflict, invalid, notFound } from '../errors/DomainError.js'
import { hashToken, newToken } from '../store/ids.js'
import { announceEnteringModeration } from './announcePublicComment.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { confirmationMail } from './confirmationMail.js'
import { consultationBySlug, consultationState, consultationUrl } from './consultationOf.js'

/** What became of a public comment: held for moderation, or waiting for the mailed link. */
export interface SubmittedComment {
  /** `confirm`: a link was mailed; the comment enters moderation once it is followed. */
  next: 'moderation' | 'confirm'
}

/**
 * Anyone's comment on a clause of an open consultation. Where mail is configured the address
 * is confirmed first (a link by mail, in the language the person wrote in); without mail the
 * comment goes straight to moderation. A filled-in honeypot gets the same answer and nothing
 * is stored, so a bot learns nothing.
 */
export const submitPublicComment = async (
  ctx: ConsultationsContext,
  slug: string,
  request: PublicCommentRequest,
  language: Language,
): Promise<SubmittedComment> => {
  const consultation = await consultationBySlug(ctx, slug)
  const next = ctx.mailer ? 'confirm' : 'moderation'
  const state = consultationState(consultation, ctx.clock.now())
  if (state === 'scheduled') {
    throw conflict('This consultation is not open yet', ErrorCode.consultationNotOpen)
  }
  if (state === 'closed') {
    throw conflict('This consultation is closed', ErrorCode.consultationClosed)
  }
  const text = await ctx.texts.get(consultation.documentId, consultation.versionId)
  if (!text) throw notFound('Unknown consultation')
  if (!text.numberOf.has(request.clauseId)) {
    throw invalid('clauseId: no such clause in this text', ErrorCode.unknownClause)
  }
  if (request.website) return { next }
  const token = ctx.mailer ? newToken() : undefined
  const id = await ctx.publicComments.create({
    consultationId: consultation.id,
    clauseId: request.clauseId,
    name: request.name,
    organization: request.organization,
    email: request.email,
    publishName: request.publishName,
    type: request.type,
    body: request.body,
    proposedChange: request.proposedChange,
    confirmTokenHash: token ? hashToken(token) : null,
  })
  await ctx.audit.record({
    userId: null,
    action: 'consultation.commentReceived',
    documentId: consultation.documentId,
    details: { consultationId: consultation.id, commentId: id, clauseId: request.clauseId },
  })
  // Without mail the comment is in moderation now; with mail, once its link is followed.
  if (!token) await announceEnteringModeration(ctx, consultation, id)
  if (ctx.mailer && token) {
    const pageUrl = consultationUrl(ctx, consultation.slug)
    await ctx.mailer.send(
      confirmationMail({
        to: request.email,
        name: request.name,
        language,
        confirmUrl: `${pageUrl}/confirm/${token}?lang=${language}`,
        pageUrl,
      }),
    )
  }
  return { next }
}
