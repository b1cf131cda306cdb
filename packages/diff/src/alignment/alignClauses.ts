import type { AlignedClause, TranslationCounts } from '@accord/protocol'
import { diffText } from '../diffText.js'
import type { JsonNode } from '../documentUnits.js'
import { checkTerminology, type PreparedGlossary } from '../terminology/checkTerminology.js'
import { type ClauseEntry, clauseEntries } from './clauseEntries.js'
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

export interface AlignOptions {
  /** With a glossary: the terms found in each source clause and the translation's problems. */
  glossary?: PreparedGlossary
  /**
   * The clauses of the last alignment of earlier versions of the same texts, with the same
   * marks, locale and glossary: a clause whose number, texts and mark are unchanged is that
   * object again, its word diff and terminology not computed anew. A view that realigns while
   * people type recomputes only the clauses they typed in.
   */
  previous?: readonly AlignedClause[]
}

/** Whether `old` still holds for the clause `entry` with this translation and mark. */
const unchanged = (
  old: AlignedClause | undefined,
  entry: ClauseEntry,
  translated: string | null,
  mark: TranslationMark | undefined,
): old is AlignedClause =>
  old !== undefined &&
  old.number === entry.number &&
  old.level === entry.level &&
  old.sourceText === entry.text &&
  old.targetText === translated &&
  old.marked?.sourceText === mark?.sourceText &&
  old.marked?.at === mark?.at &&
  old.marked?.by === mark?.by

/**
 * The translation beside its source, clause by clause in source order, tied by clause id,
 * with each clause's state; an outdated clause carries the word diff of the source since
 * it was marked, so the translator edits only that. `locale` segments the source's words.
 * The documents' clauses as `clauseEntries` lists them.
 */
export const alignEntries = (
  source: readonly ClauseEntry[],
  target: readonly ClauseEntry[],
  marks: ReadonlyMap<string, TranslationMark>,
  locale: string,
  { glossary, previous = [] }: AlignOptions = {},
): Alignment => {
  const targetText = new Map(target.map((entry) => [entry.id, entry.text]))
  const before = new Map(previous.map((clause) => [clause.clauseId, clause]))
  const counts: TranslationCounts = { upToDate: 0, outdated: 0, untranslated: 0 }
  const clauses = source.map((entry): AlignedClause => {
    const mark = marks.get(entry.id)
    const translated = targetText.get(entry.id) ?? null
    const old = before.get(entry.id)
    if (unchanged(old, entry, translated, mark)) {
      counts[old.state]++
      return old
    }
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

/** The same for two documents' texts. */
export const alignClauses = (
  source: JsonNode,
  target: JsonNode,
  marks: ReadonlyMap<string, TranslationMark>,
  locale: string,
  /** With a glossary: the terms found in each source clause and the translation's problems. */
  glossary?: PreparedGlossary,
): Alignment =>
  alignEntries(clauseEntries(source), clauseEntries(target), marks, locale, { glossary })
