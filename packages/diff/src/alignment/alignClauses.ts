import type { AlignedClause, TranslationCounts } from '@accord/protocol'
import { diffText } from '../diffText.js'
import type { JsonNode } from '../documentUnits.js'
import { checkTerminology, type PreparedGlossary } from '../terminology/checkTerminology.js'
import { clauseEntries } from './clauseEntries.js'
import { clauseState } from './clauseState.js'

/** A clause marked translated: the source text it was marked against, by whom and when. */
export interface TranslationMark {
  sourceText: string
  at: string
  by: { id: string; name: string }
}

export interface Alignment {
  clauses: AlignedClause[]
  counts: TranslationCounts
}

/**
 * The translation beside its source, clause by clause in source order, tied by clause id,
 * with each clause's state; an outdated clause carries the word diff of the source since
 * it was marked, so the translator edits only that. `locale` segments the source's words.
 */
export const alignClauses = (
  source: JsonNode,
  target: JsonNode,
  marks: ReadonlyMap<string, TranslationMark>,
  locale: string,
  /** With a glossary: the terms found in each source clause and the translation's problems. */
  glossary?: PreparedGlossary,
): Alignment => {
  const targetText = new Map(clauseEntries(target).map((entry) => [entry.id, entry.text]))
  const counts: TranslationCounts = { upToDate: 0, outdated: 0, untranslated: 0 }
  const clauses = clauseEntries(source).map((entry): AlignedClause => {
    const mark = marks.get(entry.id)
    const translated = targetText.get(entry.id) ?? null
    const state = clauseState(mark?.sourceText, entry.text)
    counts[state]++
    return {
      clauseId: entry.id,
      number: entry.number,
      level: entry.level,
      sourceText: entry.text,
      targetText: translated,
      state,
      ...(mark ? { marked: { at: mark.at, by: mark.by, sourceText: mark.sourceText } } : {}),
      ...(state === 'outdated' && mark
        ? { sourceDiff: diffText(mark.sourceText, entry.text, locale) }
        : {}),
      ...(glossary ? { terminology: checkTerminology(glossary, entry.text, translated) } : {}),
    }
  })
  return { clauses, counts }
}
