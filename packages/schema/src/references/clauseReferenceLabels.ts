import type { Node as PMNode } from '@tiptap/pm/model'
import type { ClauseLabelStyle, DocumentLanguage } from '../documentSettings.js'
import { formatClauseLabel } from '../formatClauseLabel.js'
import { numberedClauses } from '../numberedClauses.js'
import { CLAUSE_REFERENCE } from './ClauseReference.js'

/** Where a reference points now. */
export interface ReferenceTarget {
  /** The target's number ('3', '3.1'), or null when no clause has the id (deleted). */
  number: string | null
  /** What the reference reads: 'Статья 3', 'Clause 3.1'; 'Article ?' when the clause is gone. */
  label: string
}

/** What a reference whose clause is gone reads in place of a number. */
export const MISSING_NUMBER = '?'

/**
 * The one rule for what a reference reads, used by the editor, the diff and the exports: the
 * current number of the clause or sub-clause it points to, in the document's label style.
 */
export const referenceTarget = (
  numbers: ReadonlyMap<string, string>,
  clauseId: unknown,
  style: ClauseLabelStyle,
  language: DocumentLanguage,
): ReferenceTarget => {
  const number = (typeof clauseId === 'string' && numbers.get(clauseId)) || null
  return { number, label: formatClauseLabel(number ?? MISSING_NUMBER, style, language) }
}

/** Every clause's and sub-clause's current number by its id. */
export const clauseNumbersById = (doc: PMNode): Map<string, string> => {
  const numbers = new Map<string, string>()
  for (const clause of numberedClauses(doc)) {
    const id = clause.node.attrs.id
    if (typeof id === 'string' && id !== '') numbers.set(id, clause.number)
  }
  return numbers
}

/** A reference found in a document, with where it points now. */
export interface LabelledReference extends ReferenceTarget {
  pos: number
  clauseId: string
}

/** The references of a document, in document order, each with its current label. */
export const clauseReferenceLabels = (
  doc: PMNode,
  style: ClauseLabelStyle,
  language: DocumentLanguage,
): LabelledReference[] => {
  const numbers = clauseNumbersById(doc)
  const found: LabelledReference[] = []
  doc.descendants((node, pos) => {
    if (node.type.name !== CLAUSE_REFERENCE) return true
    const clauseId = typeof node.attrs.clauseId === 'string' ? node.attrs.clauseId : ''
    found.push({ pos, clauseId, ...referenceTarget(numbers, clauseId, style, language) })
    return false
  })
  return found
}
