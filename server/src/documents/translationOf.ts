import { type DocumentInfo, ErrorCode } from '@accord/protocol'
import { DocumentError, unknownDocument } from './DocumentError.js'
import type { TranslationDeps } from './TranslationDeps.js'

/** A translation and its source, or a refusal when `id` names no document or a source. */
export const translationOf = async (
  deps: Pick<TranslationDeps, 'catalog'>,
  id: string,
): Promise<{ translation: DocumentInfo; source: DocumentInfo }> => {
  const translation = await deps.catalog.get(id)
  if (!translation) throw unknownDocument()
  const source = translation.sourceDocumentId
    ? await deps.catalog.get(translation.sourceDocumentId)
    : undefined
  if (!source) {
    throw new DocumentError(
      'conflict',
      ErrorCode.notATranslation,
      'This document is not a translation: it has no source to align with',
    )
  }
  return { translation, source }
}
