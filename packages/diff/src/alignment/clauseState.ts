import type { ClauseState } from '@accord/protocol'

/**
 * The one staleness rule, for the server's answers and the live view alike: a clause never
 * marked is untranslated; one marked against the source text the source clause still has is
 * up to date; otherwise the source changed since, and it is outdated.
 */
export const clauseState = (
  markedSourceText: string | undefined,
  sourceText: string,
): ClauseState =>
  markedSourceText === undefined
    ? 'untranslated'
    : markedSourceText === sourceText
      ? 'upToDate'
      : 'outdated'
