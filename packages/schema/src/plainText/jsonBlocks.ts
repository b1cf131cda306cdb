import type { JSONContent } from '@tiptap/core'
import { ClauseNode } from '../clauseNodeNames.js'

/** Text content for a node: ProseMirror refuses empty text nodes, so empty text is no content. */
const inline = (text: string): { content?: JSONContent[] } =>
  text === '' ? {} : { content: [{ type: 'text', text }] }

export const paragraphJSON = (text: string): JSONContent => ({
  type: 'paragraph',
  ...inline(text),
})

export const headingJSON = (level: 1 | 2 | 3, text: string): JSONContent => ({
  type: 'heading',
  attrs: { level },
  ...inline(text),
})

export const clauseHeadingJSON = (text: string): JSONContent => ({
  type: ClauseNode.heading,
  ...inline(text),
})

export const listJSON = (ordered: boolean, items: readonly string[], start = 1): JSONContent => ({
  type: ordered ? 'orderedList' : 'bulletList',
  ...(ordered ? { attrs: { start } } : {}),
  content: items.map((item) => ({ type: 'listItem', content: [paragraphJSON(item)] })),
})
