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
import type { StoredUser } from '../store/UserStore.js'
import { adoptedText } from './adoptedText.js'
import { DocumentError, notAllowed, unknownDocument } from './DocumentError.js'
import type { TranslationDeps } from './TranslationDeps.js'

const languageExists = (): DocumentError =>
  new DocumentError('conflict', ErrorCode.languageExists, 'This language version exists already')

/**
 * Adds a language version to a source (coordinators and up): a document of its own, with
 * the source's clause structure and clause ids, in the requested language, its text empty
 * or copied from the source's adopted text. A second version in a language (the source's
 * own included) is refused; two people adding the same one at once get one document.
 */
export const addTranslation = async (
  deps: TranslationDeps,
  user: StoredUser,
  sourceId: string,
  request: AddLanguageRequest,
): Promise<DocumentInfo> => {
  if (!atLeast(user.role, Role.coordinator))
    throw notAllowed('Coordinators and the secretariat add language versions')
  const source = await deps.catalog.get(sourceId)
  if (!source) throw unknownDocument()
  if (source.sourceDocumentId !== null) {
    throw new DocumentError(
      'invalid',
      ErrorCode.badRequest,
      'Language versions are added to the source document, not to a translation',
    )
  }
  const parsed = parseDocumentLanguage(request.language)
  if ('problem' in parsed) {
    throw parsed.problem === 'malformed'
      ? new DocumentError('invalid', ErrorCode.validation, 'language: not a BCP-47 language tag')
      : new DocumentError(
          'invalid',
          ErrorCode.unsupportedLanguage,
          'Accord has no clause labels, dates and fonts for this language yet',
        )
  }
  const { language } = parsed
  const live = await deps.registry.withDocument(source.id, (room) => ({
    ...adoptedText(room),
    clauseLabel: readSettings(room.doc).clauseLabel,
  }))
  if (live.language === language) throw languageExists()
  const info = documentLanguageInfo(language)
  const title = request.title ?? `${source.title} (${info.nativeName})`
  const translation = await deps.catalog.createTranslation(title, user.id, language, source.id)
  if (!translation) throw languageExists()
  // Written before anyone connects, like a template: the structure and the language setting.
  await deps.registry.store.append(
    translation.id,
    jsonToUpdate(translationDocument(live.content, request.fill), {
      language,
      clauseLabel: live.clauseLabel,
    }),
  )
  await deps.audit.record({
    userId: user.id,
    action: 'translation.created',
    documentId: translation.id,
    details: { sourceDocumentId: source.id, language, fill: request.fill },
  })
  deps.events.publish(source.id, { type: 'languages' })
  return translation
}
