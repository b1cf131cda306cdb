import type { Consultation } from '@accord/protocol'
import type { Actor } from '../documents/DocumentsContext.js'
import { notFound } from '../errors/DomainError.js'
import type { ConsultationsContext } from './ConsultationsContext.js'
import { consultationOf, consultationView } from './consultationOf.js'

/** A document's consultations, newest first (every role: they are public anyway). */
export const listConsultations = async (
  ctx: ConsultationsContext,
  _actor: Actor,
  documentId: string,
): Promise<Consultation[]> => {
  if (!(await ctx.catalog.get(documentId))) throw notFound('Unknown document')
  const found = await ctx.consultations.ofDocument(documentId)
  return Promise.all(found.map((c) => consultationView(ctx, c)))
}

/** One consultation. */
export const getConsultation = async (
  ctx: ConsultationsContext,
  _actor: Actor,
  id: string,
): Promise<Consultation> => consultationView(ctx, await consultationOf(ctx, id))
