import type { PublicComment, PublicCommentStatus } from '@accord/protocol'
import type { StoredPublicComment } from '../store/PublicCommentStore.js'

/** A stored comment as coordinators see it (never with the address). */
export const publicCommentView = (
  c: StoredPublicComment,
  numberOf: ReadonlyMap<string, string>,
): PublicComment => ({
  ...c,
  clauseNumber: numberOf.get(c.clauseId) ?? null,
  // Unconfirmed comments are never listed; the type says so.
  status: c.status as PublicCommentStatus,
})
