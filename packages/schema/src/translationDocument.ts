import type { JSONContent } from '@tiptap/core'
import { isNumberedNodeName } from './clauseNodeNames.js'
import { clauseHeadingJSON, paragraphJSON } from './plainText/jsonBlocks.js'

/** How a new translation starts: empty bodies, or the source's text to overwrite. */
export type TranslationFill = 'empty' | 'source'

const emptyBlock = (block: JSONContent): JSONContent =>
  block.type === 'heading' ? { type: 'heading', attrs: block.attrs } : paragraphJSON('')

const translationNode = (node: JSONContent, fill: TranslationFill): JSONContent => {
  if (!isNumberedNodeName(node.type ?? '')) return fill === 'source' ? node : emptyBlock(node)
  const children = node.content ?? []
  const subclauses = children.filter((child) => isNumberedNodeName(child.type ?? ''))
  const heading = children[0]
  const body = children.slice(1).filter((child) => !isNumberedNodeName(child.type ?? ''))
  return {
    type: node.type,
    attrs: { id: node.attrs?.id },
    content: [
      fill === 'source' && heading ? heading : clauseHeadingJSON(''),
      ...(fill === 'source' && body.length > 0 ? body : [paragraphJSON('')]),
      ...subclauses.map((sub) => translationNode(sub, fill)),
    ],
  }
}

/**
 * The first text of a translation: the source's clause structure with the same clause ids
 * (so every clause is tied to its source clause), its headings and bodies empty or copied
 * from the source, as the person adding the translation chose. Labels and numbers are
 * computed in the translation's own language. Pass the source's adopted text (suggestions
 * left out), so no one's open suggestion is copied under their name.
 */
export const translationDocument = (source: JSONContent, fill: TranslationFill): JSONContent => {
  const content = (source.content ?? []).map((node) => translationNode(node, fill))
  return { type: 'doc', content: content.length > 0 ? content : [paragraphJSON('')] }
}
