import type { Consultation } from '@accord/protocol'
import { notFound } from '../errors/DomainError.js'
import type { StoredConsultation } from '../store/ConsultationStore.js'
import type { ConsultationsContext } from './ConsultationsContext.js'

/** Where a consultation stands at `now`. */
export const consultationState = (
  c: Pick<StoredConsultation, 'opensAt' | 'closesAt'>,
  now: number,
): Consultation['state'] => (now < c.opensAt ? 'scheduled' : now < c.closesAt ? 'open' : 'closed')

/** The consultation with this id, or `not_found`. */
export const consultationOf = async (
  ctx: Pick<ConsultationsContext, 'consultations'>,
  id: string,
): Promise<StoredConsultation> => {
  const found = await ctx.consultations.get(id)
  if (!found) throw notFound('Unknown consultation')
  return found
}

/** The consultation with this address, or `not_found`. */
export const consultationBySlug = async (
  ctx: Pick<ConsultationsContext, 'consultations'>,
  slug: string,
): Promise<StoredConsultation> => {
  const found = await ctx.consultations.bySlug(slug)
  if (!found) throw notFound('Unknown consultation')
  return found
}

/** A consultation as the API shows it. */
export const consultationView = async (
  ctx: ConsultationsContext,
  c: StoredConsultation,
): Promise<Consultation> => {
  const [version, counts] = await Promise.all([
    ctx.versions.info(c.documentId, c.versionId),
    ctx.publicComments.counts(c.id),
  ])
  return {
    id: c.id,
    documentId: c.documentId,
    versionId: c.versionId,
    versionName: version?.name ?? '',
    slug: c.slug,
    url: consultationUrl(ctx, c.slug),
    opensAt: new Date(c.opensAt).toISOString(),
    closesAt: new Date(c.closesAt).toISOString(),
    introduction: c.introduction,
    state: consultationState(c, ctx.clock.now()),
    createdAt: c.createdAt,
    counts,
  }
}

export const consultationUrl = (ctx: Pick<ConsultationsContext, 'origin'>, slug: string): string =>
  `${ctx.origin}/consultations/${encodeURIComponent(slug)}`
