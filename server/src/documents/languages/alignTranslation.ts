import { alignClauses, prepareGlossary, structuralChanges } from '@accord/diff'
import { type AlignmentResponse, documentLanguageInfo } from '@accord/protocol'
import type { DocumentsContext } from '../DocumentsContext.js'
import { adoptedText } from './adoptedText.js'
import { translationOf } from './translationOf.js'

/**
 * A translation beside its source, clause by clause in source order (anyone signed in):
 * each clause's state against the source's live adopted text, the word diff of an outdated
 * one, the counts, the structural changes of the source the translation has not taken,
 * and with a glossary the terms found in each source clause and the translation's problems.
 */
export const alignTranslation = async (
  ctx: DocumentsContext,
  translationId: string,
): Promise<AlignmentResponse> => {
  const { translation, source } = await translationOf(ctx, translationId)
  const [sourceText, target, marks, entries] = await Promise.all([
    ctx.live.read(source.id, adoptedText),
    ctx.live.read(translation.id, (room) => adoptedText(room).content),
    ctx.translationMarks.list(translation.id),
    ctx.glossary.list(),
  ])
  // The words of the source are segmented in the source's language.
  const locale = documentLanguageInfo(sourceText.language).locale
  const glossary =
    entries.length > 0
      ? prepareGlossary(entries, sourceText.language, translation.language)
      : undefined
  const { clauses, counts } = alignClauses(sourceText.content, target, marks, locale, glossary)
  return { clauses, counts, pendingChanges: structuralChanges(sourceText.content, target) }
}
