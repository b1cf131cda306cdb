import type { DocumentLanguage } from './documentLanguages.js'

/**
 * Where a clause of a translation stands against its source clause: never marked
 * translated, marked against the source text it still has, or marked against a text the
 * source has changed since.
 */
export type ClauseState = 'untranslated' | 'upToDate' | 'outdated'

/** How many clauses of a translation are in each state. */
export interface TranslationCounts {
  upToDate: number
  outdated: number
  untranslated: number
}

/** A run of words that stayed, was inserted or was deleted (the diff package's shape). */
export interface WordChange {
  type: 'equal' | 'insert' | 'delete'
  text: string
}

/** One clause of a translation beside its source clause, tied by id. */
export interface AlignedClause {
  clauseId: string
  /** The number in the source ('3', '3.1'); the translation numbers alike once aligned. */
  number: string
  level: 1 | 2
  /** Heading and body of the source clause as plain text (heading on the first line). */
  sourceText: string
  /** The same for the translation's clause; null while a pending change has not added it. */
  targetText: string | null
  state: ClauseState
  /** For an outdated clause: what changed in the source since it was marked, word by word. */
  sourceDiff?: WordChange[]
  /**
   * Who marked the clause translated, when, and against which source text (absent for an
   * untranslated one): with it, a viewer holding the live source keeps the state itself.
   */
  marked?: { at: string; by: { id: string; name: string }; sourceText: string }
  /** With a glossary: its entries found in the source clause, and the translation's problems. */
  terminology?: ClauseTerminology
}

/**
 * A structural change of the source that the translation has not taken yet. `id` names it
 * for applying (`add:<clauseId>`, `delete:<clauseId>`, `move:<clauseId>`). A split shows as
 * an added clause (and the split clause outdated), a merge as a deleted one.
 */
export interface StructuralChange {
  id: string
  kind: 'add' | 'delete' | 'move'
  clauseId: string
  /** Number in the source (add, move) or in the translation (delete). */
  number: string
  /** The clause's heading in the source (add, move) or the translation (delete). */
  heading: string
}

export interface AlignmentResponse {
  clauses: AlignedClause[]
  counts: TranslationCounts
  pendingChanges: StructuralChange[]
}

/** A clause marked translated: the answer to the marking, and the event every viewer receives. */
export interface TranslationMarkEvent {
  clauseId: string
  /** The source clause's text the clause was marked against. */
  sourceText: string
  marked: { at: string; by: { id: string; name: string } }
}

/**
 * An entry of the installation's termbase: the preferred term per language, variants that
 * must not be used, and a note.
 */
export interface GlossaryEntry {
  id: string
  terms: Partial<Record<DocumentLanguage, string>>
  forbidden: Partial<Record<DocumentLanguage, string[]>>
  note: string
  updatedAt: string
}

/** A clause's terminology problem: a source term whose preferred equivalent is missing, or a forbidden variant used. */
export type TerminologyIssue =
  | { kind: 'missing'; entryId: string; sourceTerm: string; expected: string }
  | { kind: 'forbidden'; entryId: string; variant: string; expected: string | null }

/** The glossary entries found in a source clause, and what its translation gets wrong. */
export interface ClauseTerminology {
  found: string[]
  issues: TerminologyIssue[]
}
