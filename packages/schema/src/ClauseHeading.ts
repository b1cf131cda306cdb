import { mergeAttributes, Node } from '@tiptap/core'
import { ClauseNode } from './clauseNodeNames.js'

/**
 * The heading line of a clause or sub-clause: inline text only. The number label ("Статья 3")
 * is never part of it; the editor draws the label from the clause's position.
 */
export const ClauseHeading = Node.create({
  name: ClauseNode.heading,
  content: 'inline*',
  // Pasting over the whole heading keeps it a heading.
  defining: true,
  parseHTML: () => [{ tag: '[data-type="clause-heading"]', priority: 60 }],
  renderHTML: ({ HTMLAttributes }) => [
    'h2',
    mergeAttributes(HTMLAttributes, { 'data-type': 'clause-heading', class: 'clause-heading' }),
    0,
  ],
})
