import { Node } from '@tiptap/core'
import { ClauseNode } from './clauseNodeNames.js'

/**
 * The top node. Ordinary blocks and clauses may come in any order: a preface (title,
 * paragraphs) before the clauses, section headings or closing text between and after them.
 * A stricter `block* clause*` would let two people's concurrent inserts (a paragraph and a
 * clause at the same spot) merge into an order the schema refuses.
 */
export const AccordDocument = Node.create({
  name: 'doc',
  topNode: true,
  content: `(block | ${ClauseNode.clause})+`,
})
