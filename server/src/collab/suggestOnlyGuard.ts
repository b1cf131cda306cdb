import { BODY_FRAGMENT, checkSuggestOnly, documentSchema } from '@accord/schema'
import { yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'

/** A client update that changes more than suggestions, from someone who may only suggest. */
export class NotASuggestionError extends Error {}

const bodyOf = (doc: Y.Doc) =>
  yXmlFragmentToProseMirrorRootNode(doc.getXmlFragment(BODY_FRAGMENT), documentSchema())

/**
 * The check for a person who may only suggest (a member while the document is in review),
 * run on the scratch copy after it took the update and before the live document does:
 * the text with every suggestion rejected must not change, new suggestions must be theirs,
 * and other people's suggestions must stay as they were (`checkSuggestOnly`). `live` is
 * read now, before the update, as the "before" side.
 */
export const suggestOnlyGuard = (live: Y.Doc, userId: string): ((copy: Y.Doc) => void) => {
  const before = bodyOf(live)
  return (copy) => {
    const violation = checkSuggestOnly(before, bodyOf(copy), userId)
    if (violation) throw new NotASuggestionError(violation.reason)
  }
}
