import { Role } from '@accord/protocol'
import type { ErasePublicCommenterRequest } from '@accord/protocol/requests'
import type { Actor } from '../documents/DocumentsContext.js'
import { forbidden } from '../errors/DomainError.js'
import { announceErased } from './announcePublicComment.js'
import type { ConsultationsContext } from './ConsultationsContext.js'

/**
 * The secretariat erases one person's data on request: name, organization and address leave
 * every comment sent from that address (the comments stay, anonymous, with their decisions).
 * Audited per consultation touched, without the address itself; open moderation pages show
 * those comments anonymous at once.
 */
export const erasePublicCommenter = async (
  ctx: ConsultationsContext,
  actor: Actor,
  { email }: ErasePublicCommenterRequest,
): Promise<{ comments: number }> => {
  if (actor.role !== Role.secretariat) {
    throw forbidden('Only the secretariat may erase a person’s data')
  }
  const { consultationIds, comments, kept } = await ctx.publicComments.eraseByEmail(email)
  ctx.published.forget()
  for (const consultationId of consultationIds) {
    const consultation = await ctx.consultations.get(consultationId)
    await ctx.audit.record({
      userId: actor.id,
      action: 'consultation.personalDataErased',
      documentId: consultation?.documentId,
      details: { consultationId, reason: 'request' },
    })
    if (consultation) {
      await announceErased(ctx, consultation, 'request', kept.get(consultationId) ?? [])
    }
  }
  if (consultationIds.length === 0) {
    await ctx.audit.record({
      userId: actor.id,
      action: 'consultation.personalDataErased',
      details: { reason: 'request', comments: 0 },
    })
  }
  return { comments }
}
