import type { CommentType, Disposition } from './types.js'

/**
 * A public consultation: a named version of a document published at `/consultations/:slug`
 * between `opensAt` and `closesAt`, where anyone may comment on a clause.
 */
export interface Consultation {
  id: string
  documentId: string
  versionId: string
  versionName: string
  slug: string
  /** The public page's address. */
  url: string
  opensAt: string
  closesAt: string
  introduction: string
  /** `scheduled` before `opensAt`, `open` until `closesAt`, then `closed`. */
  state: 'scheduled' | 'open' | 'closed'
  createdAt: string
  /** Comments in moderation, published and rejected (unconfirmed ones are not counted). */
  counts: Record<PublicCommentStatus, number>
}

/** Where a public comment is: waiting for a coordinator, on the public page, or turned down. */
export const PUBLIC_COMMENT_STATUSES = ['pending', 'published', 'rejected'] as const
export type PublicCommentStatus = (typeof PUBLIC_COMMENT_STATUSES)[number]

/**
 * A comment from the public as coordinators moderate it. The commenter's e-mail address is
 * never part of it: it serves the confirmation link and an erasure request, nothing else.
 */
export interface PublicComment {
  id: string
  consultationId: string
  clauseId: string
  /** '3.1' in the consultation's version. */
  clauseNumber: string | null
  /** Empty once the person's data was erased. */
  name: string
  organization: string | null
  /** Whether the name (and organization) may be shown publicly. */
  publishName: boolean
  type: CommentType
  body: string
  proposedChange: string | null
  status: PublicCommentStatus
  /** Kept internally: never shown on the public page. */
  rejectionReason: string | null
  /** When the address was confirmed by the mailed link (null where no mail is configured). */
  confirmedAt: string | null
  createdAt: string
  moderatedAt: string | null
  moderatedBy: { id: string; name: string } | null
  disposition: Disposition | null
}
