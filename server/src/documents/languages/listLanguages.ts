import { alignClauses } from '@accord/diff'
import {
  type DocumentInfo,
  documentLanguageInfo,
  type LanguagesResponse,
  type TranslationCounts,
} from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import { notFound } from '../../errors/DomainError.js'
import type { DocumentsContext } from '../DocumentsContext.js'
import { adoptedText } from './adoptedText.js'

/** How many clauses of one translation are up to date, outdated and untranslated now. */
export const translationCounts = async (
  ctx: DocumentsContext,
  source: { content: JSONContent },
  translation: DocumentInfo,
): Promise<TranslationCounts> => {
  const [target, marks] = await Promise.all([
    ctx.live.read(translation.id, (room) => adoptedText(room).content),
    ctx.translationMarks.list(translation.id),
  ])
  const locale = documentLanguageInfo(translation.language).locale
  return alignClauses(source.content, target, marks, locale).counts
}

/**
 * The language versions of a document, asked from the source or any of its translations:
 * the source and each translation with its counts (anyone signed in may read them).
 */
export const listLanguages = async (
  ctx: DocumentsContext,
  documentId: string,
): Promise<LanguagesResponse> => {
  const asked = await ctx.catalog.get(documentId)
  if (!asked) throw notFound('Unknown document')
  const source = asked.sourceDocumentId ? await ctx.catalog.get(asked.sourceDocumentId) : asked
  if (!source) throw notFound('Unknown document')
  const [translations, sourceText] = await Promise.all([
    ctx.catalog.translationsOf(source.id),
    ctx.live.read(source.id, adoptedText),
  ])
  return {
    source,
    translations: await Promise.all(
      translations.map(async (document) => ({
        document,
        counts: await translationCounts(ctx, sourceText, document),
      })),
    ),
  }
}
