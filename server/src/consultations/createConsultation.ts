import { type Consultation, ErrorCode, Role } from '@accord/protocol'
import type { CreateConsultationRequest } from '@accord/protocol/requests'
import type { Actor } from '../documents/DocumentsContext.js'
import { conflict, forbidden, invalid, notFound } from '../errors/DomainError.js'
import { newId } from '../store/ids.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { consultationView } from './consultationOf.js'
import { preparePublicPage } from './preparePublicPages.js'

/** Latin letters and digits of a title, for a readable default address. */
const slugOf = (title: string): string =>
  title
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '')

/** A short random tail, so two consultations of one title get different addresses. */
const tail = (): string =>
  newId()
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '')
    .slice(0, 6)

/**
 * The secretariat publishes a named version for public comment, at `/consultations/:slug`,
 * from `opensAt` (default now) until `closesAt`. Audited. Its page is rendered once before the
 * answer, so the first reader finds the version's text ready.
 */
export const createConsultation = async (
  ctx: ConsultationsContext,
  actor: Actor,
  documentId: string,
  request: CreateConsultationRequest,
): Promise<Consultation> => {
  if (actor.role !== Role.secretariat) {
    throw forbidden('Only the secretariat may open a public consultation')
  }
  const doc = await ctx.catalog.get(documentId)
  if (!doc) throw notFound('Unknown document')
  const version = await ctx.versions.info(documentId, request.versionId)
  if (!version) throw notFound('Unknown version of this document')
  const now = ctx.clock.now()
  const opensAt = request.opensAt ? Date.parse(request.opensAt) : now
  const closesAt = Date.parse(request.closesAt)
  if (closesAt <= opensAt) throw invalid('closesAt: must be after the opening')
  if (closesAt <= now) throw invalid('closesAt: must be in the future')
  const slug = request.slug ?? `${slugOf(doc.title) || 'consultation'}-${tail()}`
  const created = await ctx.consultations.create({
    documentId,
    versionId: version.id,
    slug,
    opensAt,
    closesAt,
    introduction: request.introduction,
    createdBy: actor.id,
  })
  if (!created) throw conflict('Another consultation has this address', ErrorCode.slugTaken)
  await ctx.audit.record({
    userId: actor.id,
    action: 'consultation.created',
    documentId,
    details: {
      consultationId: created.id,
      slug,
      versionId: version.id,
      opensAt: new Date(opensAt).toISOString(),
      closesAt: new Date(closesAt).toISOString(),
    },
  })
  // The secretariat's request, not the first reader's, pays for parsing and rendering the
  // version. A failure here is the page's own: its first request meets it and reports it.
  await preparePublicPage(ctx, slug).catch(() => undefined)
  return consultationView(ctx, created)
}
