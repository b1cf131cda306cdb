import type { CommentType, Consultation, Decision } from '@accord/protocol'
import { notFound } from '../errors/DomainError.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { consultationBySlug, consultationState, consultationUrl } from './consultationOf.js'
import type { VersionText } from './VersionTexts.js'

/** A published comment as the public sees it: the name only with consent, never the address. */
export interface PublishedComment {
  id: string
  clauseId: string
  /** Null when the person did not agree to show it (or had their data erased). */
  name: string | null
  organization: string | null
  type: CommentType
  body: string
  proposedChange: string | null
  createdAt: string
  decision: Decision | null
  reason: string
}

/** Everything the public page shows. */
export interface PublicConsultation {
  slug: string
  url: string
  documentTitle: string
  introduction: string
  opensAt: Date
  closesAt: Date
  state: Consultation['state']
  text: VersionText
  published: PublishedComment[]
  /** Days addresses are kept after closing, for the privacy notice. */
  retentionDays: number
}

/** How long what was read may be reused (a public page kept for its readers). */
export interface ReusableUntil {
  /**
   * Until when (the clock's ms) it may be shown again without reading it, unless `changes`
   * moved meanwhile: the comments' freshness, or the next opening or closing, if sooner.
   */
  sameUntil: number
  /** The count of changes to published comments on this instance before it was read. */
  changes: number
}

/** The public view of a consultation (no account): its text and its published comments. */
export const readPublicConsultation = async (
  ctx: ConsultationsContext,
  slug: string,
): Promise<PublicConsultation & ReusableUntil> => {
  const changes = ctx.published.changes
  const consultation = await consultationBySlug(ctx, slug)
  const [doc, text, comments] = await Promise.all([
    ctx.catalog.get(consultation.documentId),
    ctx.texts.get(consultation.documentId, consultation.versionId),
    ctx.published.get(consultation.id),
  ])
  if (!doc || !text) throw notFound('Unknown consultation')
  const now = ctx.clock.now()
  const turns = [consultation.opensAt, consultation.closesAt].filter((at) => at > now)
  return {
    slug: consultation.slug,
    url: consultationUrl(ctx, consultation.slug),
    documentTitle: doc.title,
    introduction: consultation.introduction,
    opensAt: new Date(consultation.opensAt),
    closesAt: new Date(consultation.closesAt),
    state: consultationState(consultation, now),
    text,
    retentionDays: ctx.retentionDays,
    published: comments,
    sameUntil: Math.min(ctx.published.freshUntil(consultation.id), ...turns),
    changes,
  }
}
