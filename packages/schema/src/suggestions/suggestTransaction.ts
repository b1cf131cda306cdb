import { transformToSuggestionTransaction } from '@handlewithcare/prosemirror-suggest-changes'
import type { EditorState, Transaction } from '@tiptap/pm/state'
import { attributeSuggestions } from './attributeSuggestions.js'
import { keepSelectionInInserted } from './selectionInInserted.js'
import { newSuggestionId, type SuggestionAuthor } from './suggestionTypes.js'
import { joinWholeInsertions, suggestWholeNodes } from './wholeNodeSuggestions.js'

/**
 * Turns an ordinary editing transaction into a suggestion: typed text is marked as a
 * suggested insertion, deleted text stays with a deletion mark, a formatting change becomes
 * a deletion and an insertion, each attributed to `author` at `at`. The rewriting is
 * @handlewithcare/prosemirror-suggest-changes'; attribution, block suggestions and tables and
 * footnotes suggested whole are ours.
 */
export const suggestTransaction = (
  state: EditorState,
  tr: Transaction,
  author: SuggestionAuthor,
  at: string = new Date().toISOString(),
): Transaction => {
  const suggested = transformToSuggestionTransaction(tr, state, () => newSuggestionId())
  attributeSuggestions(suggested, state.doc, author, at)
  suggestWholeNodes(tr, suggested, state.doc, author, at)
  joinWholeInsertions(suggested, author)
  keepSelectionInInserted(tr, suggested)
  return suggested
}
