import { alignClauses } from '@accord/diff'
import {
  type DocumentInfo,
  documentLanguageInfo,
  type LanguagesResponse,
  type TranslationCounts,
} from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import { adoptedText } from './adoptedText.js'
import { unknownDocument } from './DocumentError.js'
import type { TranslationDeps } from './TranslationDeps.js'

/** How many clauses of one translation are up to date, outdated and untranslated now. */
export const translationCounts = async (
  deps: TranslationDeps,
  source: { content: JSONContent },
  translation: DocumentInfo,
): Promise<TranslationCounts> => {
  const [target, marks] = await Promise.all([
    deps.registry.withDocument(translation.id, (room) => adoptedText(room).content),
    deps.translationMarks.list(translation.id),
  ])
  const locale = documentLanguageInfo(translation.language).locale
  return alignClauses(source.content, target, marks, locale).counts
}

/**
 * The language versions of a document, asked from the source or any of its translations:
 * the source and each translation with its counts (anyone signed in may read them).
 */
export const listLanguages = async (
  deps: TranslationDeps,
  documentId: string,
): Promise<LanguagesResponse> => {
  const asked = await deps.catalog.get(documentId)
  if (!asked) throw unknownDocument()
  const source = asked.sourceDocumentId ? await deps.catalog.get(asked.sourceDocumentId) : asked
  if (!source) throw unknownDocument()
  const [translations, sourceText] = await Promise.all([
    deps.catalog.translationsOf(source.id),
    deps.registry.withDocument(source.id, adoptedText),
  ])
  return {
    source,
    translations: await Promise.all(
      translations.map(async (document) => ({
        document,
        counts: await translationCounts(deps, sourceText, document),
      })),
    ),
  }
}
