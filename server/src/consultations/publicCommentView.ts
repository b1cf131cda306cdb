import type { PublicComment, PublicCommentStatus } from '@accord/protocol'
import type { StoredPublicComment } from '../store/PublicCommentStore.js'

/** A stored comment as coordinators see it (never with the address). */
export const publicCommentView = (
  c: StoredPublicComment,
  numberOf: ReadonlyMap<string, string>,
): PublicComment => ({
  id: c.id,
  consultationId: c.consultationId,
  clauseId: c.clauseId,
  clauseNumber: numberOf.get(c.clauseId) ?? null,
  name: c.name,
  organization: c.organization,
  publishName: c.publishName,
  type: c.type,
  body: c.body,
  proposedChange: c.proposedChange,
  // Unconfirmed comments are never listed; the type says so.
  status: c.status as PublicCommentStatus,
  rejectionReason: c.rejectionReason,
  confirmedAt: c.confirmedAt,
  createdAt: c.createdAt,
  moderatedAt: c.moderatedAt,
  moderatedBy: c.moderatedBy,
  disposition: c.disposition,
})
