import { announceErased } from './announcePublicComment.js'
import type { ConsultationsContext } from './ConsultationsContext.js'

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The retention sweep: consultations closed more than `retentionDays` ago lose their
 * commenters' addresses (and comments never confirmed). Audited per consultation, and told
 * to its open moderation pages. Returns the consultations swept.
 */
export const eraseExpiredPersonalData = async (ctx: ConsultationsContext): Promise<string[]> => {
  const due = await ctx.consultations.closedBefore(ctx.clock.now() - ctx.retentionDays * DAY_MS)
  for (const consultation of due) {
    const comments = await ctx.publicComments.eraseAddresses(consultation.id)
    await ctx.consultations.markPersonalDataErased(consultation.id)
    await ctx.audit.record({
      userId: null,
      action: 'consultation.personalDataErased',
      documentId: consultation.documentId,
      details: {
        consultationId: consultation.id,
        reason: 'retention',
        retentionDays: ctx.retentionDays,
        comments,
      },
    })
    // Addresses are never shown: no comment changes on a moderation page, only the counts may.
    await announceErased(ctx, consultation, 'retention', [])
  }
  return due.map((c) => c.id)
}
