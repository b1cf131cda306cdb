import { canDecideComments, type PublicComment } from '@accord/protocol'
import type { PublicCommentsQuery } from '@accord/protocol/requests'
import type { Actor } from '../documents/DocumentsContext.js'
import { forbidden } from '../errors/DomainError.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { consultationOf } from './consultationOf.js'
import { publicCommentView } from './publicCommentView.js'

/** The comments of a consultation that entered moderation (coordinators and the secretariat). */
export const listPublicComments = async (
  ctx: ConsultationsContext,
  actor: Actor,
  consultationId: string,
  { status }: PublicCommentsQuery,
): Promise<PublicComment[]> => {
  if (!canDecideComments(actor.role)) {
    throw forbidden('Only a coordinator or the secretariat may moderate public comments')
  }
  const consultation = await consultationOf(ctx, consultationId)
  const [comments, text] = await Promise.all([
    ctx.publicComments.list(consultation.id, status),
    ctx.texts.get(consultation.documentId, consultation.versionId),
  ])
  return comments.map((c) => publicCommentView(c, text?.numberOf ?? new Map()))
}
