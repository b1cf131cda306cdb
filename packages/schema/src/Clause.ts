import { mergeAttributes, Node } from '@tiptap/core'
import { clauseIdAttribute } from './clauseIdAttribute.js'
import { ClauseNode } from './clauseNodeNames.js'
import { BLOCK_SUGGESTION_MARKS } from './suggestions/BlockSuggestions.js'

/**
 * A numbered clause (article): a heading, then body blocks and sub-clauses. Body blocks and
 * sub-clauses may interleave, so that concurrent inserts, merges and moves always give a
 * valid document; the number of a sub-clause counts sub-clauses only.
 */
export const Clause = Node.create({
  name: ClauseNode.clause,
  // Whole children may carry suggestion marks while suggest mode rewrites a change.
  marks: BLOCK_SUGGESTION_MARKS,
  content: `${ClauseNode.heading} (block | ${ClauseNode.subclause})*`,
  addAttributes: () => clauseIdAttribute,
  parseHTML: () => [{ tag: 'section[data-type="clause"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'section',
    mergeAttributes(HTMLAttributes, { 'data-type': 'clause', class: 'clause' }),
    0,
  ],
})
