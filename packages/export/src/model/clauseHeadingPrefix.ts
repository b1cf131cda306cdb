import type { ExportClause, Inline } from './Block.js'
import { inlineText } from './inlineText.js'

/**
 * What stands before a clause's heading text on one line: 'Статья 3. ' ('3. ' when the label
 * already ends with a full stop), or the bare label when the heading is empty.
 */
export const clauseHeadingPrefix = (clause: ExportClause): string => {
  if (inlineText(clause.heading).trim() === '') return clause.label
  return clause.label.endsWith('.') ? `${clause.label} ` : `${clause.label}. `
}

/** The prefix as a run of text: suggested too when the whole clause is suggested. */
export const clauseHeadingPrefixInline = (clause: ExportClause): Inline => ({
  kind: 'text',
  text: clauseHeadingPrefix(clause),
  marks: clause.change ? { change: clause.change } : {},
})
