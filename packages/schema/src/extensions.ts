import type { AnyExtension } from '@tiptap/core'
import { Blockquote } from '@tiptap/extension-blockquote'
import { Bold } from '@tiptap/extension-bold'
import { Code } from '@tiptap/extension-code'
import { CodeBlock } from '@tiptap/extension-code-block'
import { HardBreak } from '@tiptap/extension-hard-break'
import { Heading } from '@tiptap/extension-heading'
import { HorizontalRule } from '@tiptap/extension-horizontal-rule'
import { Italic } from '@tiptap/extension-italic'
import { BulletList } from '@tiptap/extension-list/bullet-list'
import { ListItem } from '@tiptap/extension-list/item'
import { ListKeymap } from '@tiptap/extension-list/keymap'
import { OrderedList } from '@tiptap/extension-list/ordered-list'
import { Paragraph } from '@tiptap/extension-paragraph'
import { Strike } from '@tiptap/extension-strike'
import { Text } from '@tiptap/extension-text'
import { Underline } from '@tiptap/extension-underline'
import { Dropcursor } from '@tiptap/extensions/drop-cursor'
import { Gapcursor } from '@tiptap/extensions/gap-cursor'
import { TrailingNode } from '@tiptap/extensions/trailing-node'
import { AccordDocument } from './AccordDocument.js'
import { Clause } from './Clause.js'
import { ClauseHeading } from './ClauseHeading.js'
import { ClauseIds } from './ClauseIds.js'
import { ClauseNode } from './clauseNodeNames.js'
import { Footnote } from './footnotes/Footnote.js'
import { FootnoteKeys } from './footnotes/FootnoteKeys.js'
import { LinkMark } from './links/LinkMark.js'
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
 * Tiptap's StarterKit named part by part, in its order (which is the schema's order), so that
 * what it leaves out stays out of the editor's code: its undo history (with Yjs, history
 * belongs to the collaboration layer: each person undoes only their own changes) and its
 * stock document (AccordDocument admits clauses). Its lists and quote are added below, with
 * suggestion marks allowed on their children.
 *
 * The tables are only nodes here; an editor that edits them passes `tableEditing` (the
 * client's commands, keys and prosemirror-tables plugins), which takes the place the table
 * extension's own keys and plugins had among the others'. The link is only a mark here too: the
 * client's editor adds the finding of addresses as they are typed or pasted (`LinkDetection`).
 */
export const documentExtensions = ({
  tableEditing = [],
}: {
  tableEditing?: AnyExtension[]
} = {}): AnyExtension[] => [
  Bold,
  Code,
  CodeBlock,
  Dropcursor,
  Gapcursor,
  HardBreak,
  Heading,
  HorizontalRule,
  Italic,
  ListKeymap,
  LinkMark,
  Paragraph,
  Strike,
  Text,
  Underline,
  // No empty paragraph after a final clause: Enter on a clause's empty last paragraph
  // already leads out of it, and the extra paragraph would show as unnumbered text.
  TrailingNode.configure({ notAfter: [ClauseNode.clause] }),
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
  ...tableEditing,
  Footnote,
  FootnoteKeys,
  ClauseReference,
  Insertion,
  Deletion,
  Modification,
  BlockSuggestions,
]
