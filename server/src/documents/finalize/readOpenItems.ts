import type { Finalization, OpenItems } from '@accord/protocol'
import { notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { openItemsOf } from './openItemsOf.js'

/** The finalize checklist: what is still open in a document (every role may read it). */
export const listOpenItems = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
): Promise<OpenItems> => openItemsOf(ctx, (await documentOf(ctx, documentId)).id)

/** How a document was last made final (every role); `not_found` if it never was. */
export const getFinalization = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
): Promise<Finalization> => {
  const doc = await documentOf(ctx, documentId)
  const finalization = await ctx.finalizations.latest(doc.id)
  if (!finalization) throw notFound('This document has not been made final')
  return finalization
}
