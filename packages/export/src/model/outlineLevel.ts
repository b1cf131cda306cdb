import type { ExportClause, HeadingLevel } from './Block.js'

/**
 * One outline for every format: level 1 is the document title, 2 a clause, 3 a sub-clause.
 * The text's own headings keep their level, but never compete with the title.
 */
export const blockHeadingLevel = (level: HeadingLevel): 2 | 3 | 4 | 5 | 6 =>
  level === 1 ? 2 : level

export const clauseLevel = (clause: ExportClause): 2 | 3 => (clause.level === 1 ? 2 : 3)
