import type { AnyExtension } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import { BulletList, ListItem, OrderedList } from '@tiptap/extension-list'
import { StarterKit } from '@tiptap/starter-kit'
import { AccordDocument } from './AccordDocument.js'
import { Clause } from './Clause.js'
import { ClauseHeading } from './ClauseHeading.js'
import { ClauseIds } from './ClauseIds.js'
import { ClauseNode } from './clauseNodeNames.js'
import { Footnote } from './footnotes/Footnote.js'
import { FootnoteKeys } from './footnotes/FootnoteKeys.js'
import { ClauseReference } from './references/ClauseReference.js'
import { Subclause } from './Subclause.js'
import { BLOCK_SUGGESTION_MARKS, BlockSuggestions } from './suggestions/BlockSuggestions.js'
import { Deletion, Insertion, Modification } from './suggestions/SuggestionMarks.js'
import { tableExtensions } from './tables/tableExtensions.js'

// Containers whose children suggest mode may mark whole (see suggestions/).
const withSuggestionMarks = { marks: BLOCK_SUGGESTION_MARKS }

/**
 * The extensions that define an Accord document. The client's editor and the server's
 * headless conversions use this one list, so they never disagree on what a document may
 * contain.
 *
 * Undo/redo is left out: with Yjs, history belongs to the collaboration layer
 * (each person undoes only their own changes).
 */
export const documentExtensions = (): AnyExtension[] => [
  StarterKit.configure({
    undoRedo: false,
    // Re-added below, allowing suggestion marks on their children.
    bulletList: false,
    orderedList: false,
    listItem: false,
    blockquote: false,
    // AccordDocument replaces the stock top node, to admit clauses.
    document: false,
    // No empty paragraph after a final clause: Enter on a clause's empty last paragraph
    // already leads out of it, and the extra paragraph would show as unnumbered text.
    trailingNode: { notAfter: [ClauseNode.clause] },
    link: {
      openOnClick: false,
      autolink: true,
      // Only these protocols become links; `javascript:` and `data:` never do.
      protocols: ['http', 'https', 'mailto'],
      isAllowedUri: (url, ctx) => ctx.defaultValidate(url) && /^(https?:|mailto:|#|\/)/i.test(url),
    },
  }),
  BulletList.extend(withSuggestionMarks),
  OrderedList.extend(withSuggestionMarks),
  ListItem.extend(withSuggestionMarks),
  Blockquote.extend(withSuggestionMarks),
  AccordDocument,
  Clause,
  Subclause,
  ClauseHeading,
  ClauseIds,
  ...tableExtensions(),
  Footnote,
  FootnoteKeys,
  ClauseReference,
  Insertion,
  Deletion,
  Modification,
  BlockSuggestions,
]
