import { mergeAttributes, Node } from '@tiptap/core'
import { clauseIdAttribute } from './clauseIdAttribute.js'
import { ClauseNode } from './clauseNodeNames.js'
import { BLOCK_SUGGESTION_MARKS } from './suggestions/BlockSuggestions.js'

/** A sub-clause (3.1, 3.2), one level down inside a clause: a heading (may be empty) and body blocks. */
export const Subclause = Node.create({
  name: ClauseNode.subclause,
  // Whole children may carry suggestion marks while suggest mode rewrites a change.
  marks: BLOCK_SUGGESTION_MARKS,
  content: `${ClauseNode.heading} block*`,
  addAttributes: () => clauseIdAttribute,
  parseHTML: () => [{ tag: 'section[data-type="subclause"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'subclause', class: 'subclause' }),
    0,
  ],
})
