import { type DocumentInfo, ErrorCode } from '@accord/protocol'
import { conflict, notFound } from '../../errors/DomainError.js'
import type { DocumentsContext } from '../DocumentsContext.js'

/** A translation and its source, or a refusal when `id` names no document or a source. */
export const translationOf = async (
  deps: Pick<DocumentsContext, 'catalog'>,
  id: string,
): Promise<{ translation: DocumentInfo; source: DocumentInfo }> => {
  const translation = await deps.catalog.get(id)
  if (!translation) throw notFound('Unknown document')
  const source = translation.sourceDocumentId
    ? await deps.catalog.get(translation.sourceDocumentId)
    : undefined
  if (!source) {
    throw conflict(
      'This document is not a translation: it has no source to align with',
      ErrorCode.notATranslation,
    )
  }
  return { translation, source }
}
