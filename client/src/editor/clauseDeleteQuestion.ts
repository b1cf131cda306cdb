import { formatClauseLabel, type LocatedClause, numberedClauses } from '@accord/schema'
import type { EditorState } from '@tiptap/pm/state'
import { numberingSettings } from './ClauseNumbering'

/** The clause a person asked to delete, as the confirmation names it. */
export interface DeleteQuestion {
  id: string
  /** Its label as the document shows it, e.g. "Статья 3". */
  label: string
  heading: string
}

/** What to ask before deleting `clause`; null if it has no id to delete it by. */
export const clauseDeleteQuestion = (
  state: EditorState,
  clause: LocatedClause,
): DeleteQuestion | null => {
  const id = clause.node.attrs.id
  if (typeof id !== 'string') return null
  const settings = numberingSettings(state)
  const number = numberedClauses(state.doc).find((c) => c.pos === clause.pos)?.number ?? ''
  return {
    id,
    label: formatClauseLabel(number, settings.clauseLabel, settings.language),
    heading: clause.node.firstChild?.textContent.trim() ?? '',
  }
}
