import { type DocumentInfo, DocumentStatus } from '@accord/protocol'
import { documentFinal, notFound } from '../errors/DomainError.js'
import type { DocumentsContext } from './DocumentsContext.js'

/** The document with this id, or `not_found`. */
export const documentOf = async (
  ctx: Pick<DocumentsContext, 'catalog'>,
  documentId: string,
): Promise<DocumentInfo> => {
  const doc = await ctx.catalog.get(documentId)
  if (!doc) throw notFound('Unknown document')
  return doc
}

/** A final document keeps its text: `document_final` until it is reopened. */
export const assertNotFinal = (status: DocumentStatus): void => {
  if (status === DocumentStatus.final) throw documentFinal()
}
