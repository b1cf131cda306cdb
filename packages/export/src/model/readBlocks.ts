import type { Mark, Node as PMNode } from '@tiptap/pm/model'
import type { Block, HeadingLevel, Inline, Marks } from './Block.js'

/**
 * Only these link targets survive an export. The editor refuses others, but stored versions
 * and imported JSON are not the editor, and an exported `javascript:` link would run.
 */
const SAFE_HREF = /^(https?:|mailto:)/i

const marksOf = (marks: readonly Mark[]): Marks => {
  const out: Marks = {}
  for (const mark of marks) {
    switch (mark.type.name) {
      case 'bold':
        out.bold = true
        break
      case 'italic':
        out.italic = true
        break
      case 'underline':
        out.underline = true
        break
      case 'strike':
        out.strike = true
        break
      case 'code':
        out.code = true
        break
      case 'link': {
        const href = mark.attrs.href
        if (typeof href === 'string' && SAFE_HREF.test(href.trim())) out.href = href.trim()
        break
      }
    }
  }
  return out
}

/** The inline content of a textblock (paragraph, heading, clause heading). */
export const readInlines = (node: PMNode): Inline[] => {
  const inlines: Inline[] = []
  node.forEach((child) => {
    if (child.isText)
      inlines.push({ kind: 'text', text: child.text ?? '', marks: marksOf(child.marks) })
    else if (child.type.name === 'hardBreak') inlines.push({ kind: 'break' })
  })
  return inlines
}

const headingLevel = (value: unknown): HeadingLevel =>
  typeof value === 'number' && value >= 1 && value <= 6 ? (value as HeadingLevel) : 1

const readChildren = (node: PMNode): Block[] => {
  const blocks: Block[] = []
  node.forEach((child) => {
    blocks.push(readBlock(child))
  })
  return blocks
}

/** One ProseMirror block node as an export block. */
export const readBlock = (node: PMNode): Block => {
  switch (node.type.name) {
    case 'paragraph':
      return { type: 'paragraph', inlines: readInlines(node) }
    case 'heading':
      return { type: 'heading', level: headingLevel(node.attrs.level), inlines: readInlines(node) }
    case 'bulletList':
    case 'orderedList': {
      const start = node.attrs.start
      const items: Block[][] = []
      node.forEach((item) => {
        items.push(readChildren(item))
      })
      return {
        type: 'list',
        ordered: node.type.name === 'orderedList',
        start: typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1,
        items,
      }
    }
    case 'blockquote':
      return { type: 'quote', blocks: readChildren(node) }
    case 'codeBlock':
      return { type: 'code', text: node.textContent }
    case 'horizontalRule':
      return { type: 'rule' }
    default:
      // A block type added to the schema after this writer still exports its words.
      return {
        type: 'paragraph',
        inlines: [{ kind: 'text', text: node.textBetween(0, node.content.size, ' '), marks: {} }],
      }
  }
}
