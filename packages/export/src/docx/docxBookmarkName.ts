import { createHash } from 'node:crypto'

/** What Word accepts as a bookmark name: a letter first, letters, digits and `_`, 40 at most. */
const SHORT_ID = /^[A-Za-z0-9_]{1,33}$/

/**
 * The name of the bookmark on a clause's heading, which cross-references link to. A clause
 * id that Word cannot take as it is (a `-`, or too long) is hashed, under another prefix, so
 * the two kinds of name never meet.
 */
export const docxBookmarkName = (clauseId: string): string =>
  SHORT_ID.test(clauseId)
    ? `clause_${clauseId}`
    : `clauseh_${createHash('sha256').update(clauseId).digest('hex').slice(0, 24)}`
