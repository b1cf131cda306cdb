import { checkSuggestOnly } from '@accord/schema'
import type * as Y from 'yjs'
import { changedStretches } from './changedStretches.js'
import { RefusedUpdateError } from './RefusedUpdateError.js'
import type { Trial } from './ScratchCopy.js'

/**
 * The check for a person who may only suggest (a member while the document is in review),
 * run on the trial (the scratch copy with the update applied) before the live document takes
 * it: the text with every suggestion rejected must not change, new suggestions must be theirs,
 * and other people's suggestions must stay as they were (`checkSuggestOnly`). It compares only
 * the stretches of the body the update changed (changedStretches), read from `live` as it is
 * now (before) and from the copy (after), so a keystroke in a long document costs about what
 * its paragraph does.
 */
export const checkSuggestsOnly = (live: Y.Doc, trial: Trial, userId: string): void => {
  for (const { before, after } of changedStretches(live, trial)) {
    const violation = checkSuggestOnly(before, after, userId)
    if (violation) throw new RefusedUpdateError('notASuggestion', violation.reason)
  }
}
