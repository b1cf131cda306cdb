import { Node } from '@tiptap/core'
import { ClauseNode } from './clauseNodeNames.js'
import { BLOCK_SUGGESTION_MARKS } from './suggestions/BlockSuggestions.js'

/**
 * The top node. Ordinary blocks and clauses may come in any order: a preface (title,
 * paragraphs) before the clauses, section headings or closing text between and after them.
 * A stricter `block* clause*` would let two people's concurrent inserts (a paragraph and a
 * clause at the same spot) merge into an order the schema refuses.
 */
export const AccordDocument = Node.create({
  name: 'doc',
  topNode: true,
  // Whole children may carry suggestion marks while suggest mode rewrites a change.
  marks: BLOCK_SUGGESTION_MARKS,
  content: `(block | ${ClauseNode.clause})+`,
})
