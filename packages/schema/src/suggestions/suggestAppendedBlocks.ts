import {
  isSuggestChangesEnabled,
  suggestChangesKey,
} from '@handlewithcare/prosemirror-suggest-changes'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Plugin, type Transaction } from '@tiptap/pm/state'
import { Mapping } from '@tiptap/pm/transform'
import { isRemoteChange } from '../remoteChange.js'
import { insertedRanges } from './attributeSuggestions.js'
import { SUGGESTABLE_BLOCKS } from './BlockSuggestions.js'
import {
  BLOCK_SUGGESTION_ATTR,
  type BlockSuggestion,
  newSuggestionId,
  readBlockSuggestion,
  type SuggestionAuthor,
  SuggestionMark,
} from './suggestionTypes.js'

const suggestable: ReadonlySet<string> = new Set(SUGGESTABLE_BLOCKS)

/** The insertion a new block joins: the same person's inserted block just before it, if any. */
const joinedInsertion = (
  doc: PMNode,
  pos: number,
  author: SuggestionAuthor,
): BlockSuggestion | null => {
  const before = readBlockSuggestion(doc.resolve(pos).nodeBefore?.attrs[BLOCK_SUGGESTION_ATTR])
  return before?.kind === SuggestionMark.insertion && before.authorId === author.authorId
    ? before
    : null
}

/**
 * In suggest mode, blocks that another plugin appends after this person's change (Tiptap's
 * trailing node puts an empty paragraph after a table that ends the document) become part of
 * the suggestion: marked as inserted, under the id of the inserted block before them when it
 * is this person's, else under a new id of theirs. Left as plain text, such a block changed
 * the text under review: the server refused the whole update (a member in review could not
 * insert a table at the end) and a coordinator's suggestion was not all a suggestion.
 */
export const suggestAppendedBlocks = (author: () => SuggestionAuthor): Plugin =>
  new Plugin({
    appendTransaction: (transactions, _old, state) => {
      if (!isSuggestChangesEnabled(state)) return null
      const tr = state.tr
      transactions.forEach((appended, index) => {
        const root = appended.getMeta('appendedTransaction') as Transaction | undefined
        if (!root || !appended.docChanged || isRemoteChange(root)) return
        // Suggest mode's own direct changes (resolving a suggestion) stay direct.
        if ('skip' in ((root.getMeta(suggestChangesKey) as object | undefined) ?? {})) return
        const later = new Mapping(transactions.slice(index + 1).flatMap((t) => t.mapping.maps))
        for (const [start, end] of insertedRanges(appended)) {
          const from = later.map(start, 1)
          const to = later.map(end, -1)
          state.doc.nodesBetween(from, to, (node, pos) => {
            if (pos < from || pos + node.nodeSize > to) return true
            if (!node.isBlock || !suggestable.has(node.type.name)) return false
            if (readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])) return false
            const who = author()
            const value: BlockSuggestion = joinedInsertion(state.doc, pos, who) ?? {
              kind: SuggestionMark.insertion,
              id: newSuggestionId(),
              ...who,
              at: new Date().toISOString(),
            }
            tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, value)
            return false
          })
        }
      })
      return tr.docChanged ? tr : null
    },
  })
