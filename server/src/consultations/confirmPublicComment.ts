import { ErrorCode } from '@accord/protocol'
import { DomainError } from '../errors/DomainError.js'
import { hashToken } from '../store/ids.js'
import { announceEnteringModeration } from './announcePublicComment.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { consultationBySlug } from './consultationOf.js'

/**
 * The mailed link was followed: the comment enters moderation (also after the closing date:
 * it was sent in time). A used or unknown link is `token_invalid` (404).
 */
export const confirmPublicComment = async (
  ctx: ConsultationsContext,
  slug: string,
  token: string,
): Promise<void> => {
  const consultation = await consultationBySlug(ctx, slug)
  const confirmed = await ctx.publicComments.confirm(consultation.id, hashToken(token))
  if (!confirmed) {
    throw new DomainError(
      'notFound',
      ErrorCode.tokenInvalid,
      'This link is used or unknown; your comment may already be confirmed',
    )
  }
  await ctx.audit.record({
    userId: null,
    action: 'consultation.commentConfirmed',
    documentId: consultation.documentId,
    details: { consultationId: consultation.id, commentId: confirmed.id },
  })
  await announceEnteringModeration(ctx, consultation, confirmed.id)
}
