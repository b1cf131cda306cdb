import type { Node as PMNode } from '@tiptap/pm/model'
import { FOOTNOTE } from './Footnote.js'

export interface NumberedFootnote {
  node: PMNode
  /** Its position in the document. */
  pos: number
  /** 1 for the first footnote of the document, in document order. */
  number: number
}

/**
 * The footnotes of a document with their numbers: the one rule for the editor, the diff and
 * the exports, so a footnote has the same number everywhere.
 */
export const footnoteNumbers = (doc: PMNode): NumberedFootnote[] => {
  const found: NumberedFootnote[] = []
  doc.descendants((node, pos) => {
    if (node.type.name === FOOTNOTE) found.push({ node, pos, number: found.length + 1 })
    // A footnote's text holds no further footnotes.
    return node.type.name !== FOOTNOTE
  })
  return found
}
