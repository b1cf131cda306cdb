import {
  atLeast,
  type DocumentInfo,
  documentLanguageInfo,
  ErrorCode,
  parseDocumentLanguage,
  Role,
} from '@accord/protocol'
import type { AddLanguageRequest } from '@accord/protocol/requests'
import { jsonToUpdate, readSettings, translationDocument } from '@accord/schema'
import { conflict, forbidden, invalid, notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { adoptedText } from './adoptedText.js'

const languageExists = () =>
  conflict('This language version exists already', ErrorCode.languageExists)

/**
 * Adds a language version to a source (coordinators and up): a document of its own, with
 * the source's clause structure and clause ids, in the requested language, its text empty
 * or copied from the source's adopted text. A second version in a language (the source's
 * own included) is refused; two people adding the same one at once get one document.
 */
export const addTranslation = async (
  ctx: DocumentsContext,
  actor: Actor,
  sourceId: string,
  request: AddLanguageRequest,
): Promise<DocumentInfo> => {
  if (!atLeast(actor.role, Role.coordinator))
    throw forbidden('Coordinators and the secretariat add language versions')
  const source = await ctx.catalog.get(sourceId)
  if (!source) throw notFound('Unknown document')
  if (source.sourceDocumentId !== null) {
    throw invalid(
      'Language versions are added to the source document, not to a translation',
      ErrorCode.badRequest,
    )
  }
  const parsed = parseDocumentLanguage(request.language)
  if ('problem' in parsed) {
    throw parsed.problem === 'malformed'
      ? invalid('language: not a BCP-47 language tag')
      : invalid(
          'Accord has no clause labels, dates and fonts for this language yet',
          ErrorCode.unsupportedLanguage,
        )
  }
  const { language } = parsed
  const live = await ctx.live.read(source.id, (room) => ({
    ...adoptedText(room),
    clauseLabel: readSettings(room.doc).clauseLabel,
  }))
  if (live.language === language) throw languageExists()
  const info = documentLanguageInfo(language)
  const title = request.title ?? `${source.title} (${info.nativeName})`
  const translation = await ctx.catalog.createTranslation(title, actor.id, language, source.id)
  if (!translation) throw languageExists()
  // Written before anyone connects, like a template: the structure and the language setting.
  await ctx.live.seed(
    translation.id,
    jsonToUpdate(translationDocument(live.content, request.fill), {
      language,
      clauseLabel: live.clauseLabel,
    }),
  )
  await ctx.audit.record({
    userId: actor.id,
    action: 'translation.created',
    documentId: translation.id,
    details: { sourceDocumentId: source.id, language, fill: request.fill },
  })
  ctx.events.publish(source.id, { type: 'languages' })
  return translation
}
