import type { DocumentInfo } from '@accord/protocol'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/** Every document of the installation (every account sees every one), matching `q` when given. */
export const listDocuments = async (
  ctx: DocumentsContext,
  _actor: Actor,
  query: { q?: string },
): Promise<DocumentInfo[]> => ctx.catalog.list(query.q)

/** One document's catalog entry (title, status, …). */
export const getDocument = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
): Promise<DocumentInfo> => documentOf(ctx, documentId)
