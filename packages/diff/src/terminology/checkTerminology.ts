import type {
  ClauseTerminology,
  DocumentLanguage,
  GlossaryEntry,
  TerminologyIssue,
} from '@accord/protocol'
import { containsPhrase, stemWords } from './stemWords.js'

/** A glossary prepared for one pair of languages: each term stemmed once, not per clause. */
export interface PreparedGlossary {
  sourceLanguage: DocumentLanguage
  targetLanguage: DocumentLanguage
  entries: {
    entry: GlossaryEntry
    source: string[]
    target: string[] | null
    forbidden: { variant: string; words: string[] }[]
  }[]
}

export const prepareGlossary = (
  entries: readonly GlossaryEntry[],
  sourceLanguage: DocumentLanguage,
  targetLanguage: DocumentLanguage,
): PreparedGlossary => ({
  sourceLanguage,
  targetLanguage,
  entries: entries.flatMap((entry) => {
    const sourceTerm = entry.terms[sourceLanguage]
    const targetTerm = entry.terms[targetLanguage]
    const forbidden = (entry.forbidden[targetLanguage] ?? []).map((variant) => ({
      variant,
      words: stemWords(variant, targetLanguage),
    }))
    if (!sourceTerm && forbidden.length === 0) return []
    return [
      {
        entry,
        source: sourceTerm ? stemWords(sourceTerm, sourceLanguage) : [],
        target: targetTerm ? stemWords(targetTerm, targetLanguage) : null,
        forbidden,
      },
    ]
  }),
})

/**
 * The glossary entries whose source term occurs in the source clause (in any word form the
 * stemmer folds together: "персональные данные" matches "персональных данных"), and, once
 * the clause has a translation, its problems: a found term whose preferred equivalent is not
 * in the translation, or a forbidden variant that is.
 */
export const checkTerminology = (
  glossary: PreparedGlossary,
  sourceText: string,
  targetText: string | null,
): ClauseTerminology => {
  const sourceWords = stemWords(sourceText, glossary.sourceLanguage)
  const targetWords =
    targetText && targetText.trim() !== '' ? stemWords(targetText, glossary.targetLanguage) : null
  // Most terms are not in most clauses: a set of the clause's stems rules them out at once.
  const inSourceSet = new Set(sourceWords)
  const inTargetSet = new Set(targetWords)
  const occurs = (words: readonly string[], set: Set<string>, phrase: readonly string[]) =>
    phrase.length > 0 && phrase.every((word) => set.has(word)) && containsPhrase(words, phrase)
  const found: string[] = []
  const issues: TerminologyIssue[] = []
  for (const { entry, source, target, forbidden } of glossary.entries) {
    const inSource = occurs(sourceWords, inSourceSet, source)
    if (inSource) found.push(entry.id)
    if (!targetWords) continue
    const expected = entry.terms[glossary.targetLanguage] ?? null
    if (inSource && target && expected && !occurs(targetWords, inTargetSet, target)) {
      const sourceTerm = entry.terms[glossary.sourceLanguage] ?? ''
      issues.push({ kind: 'missing', entryId: entry.id, sourceTerm, expected })
    }
    for (const { variant, words } of forbidden) {
      if (occurs(targetWords, inTargetSet, words))
        issues.push({ kind: 'forbidden', entryId: entry.id, variant, expected })
    }
  }
  return { found, issues }
}
