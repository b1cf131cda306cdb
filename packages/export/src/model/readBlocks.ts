import {
  BLOCK_SUGGESTION_ATTR,
  CLAUSE_REFERENCE,
  FOOTNOTE,
  isTableCellName,
  readBlockSuggestion,
  SuggestionMark,
  TableNode,
} from '@accord/schema'
import type { Mark, Node as PMNode } from '@tiptap/pm/model'
import type { Block, HeadingLevel, Inline, Marks, TableCell, TrackedChange } from './Block.js'

/**
 * Only these link targets survive an export. The editor refuses others, but stored versions
 * and imported JSON are not the editor, and an exported `javascript:` link would run.
 */
const SAFE_HREF = /^(https?:|mailto:)/i

const parseTime = (value: unknown): Date | null => {
  if (typeof value !== 'string' || value === '') return null
  const time = new Date(value)
  return Number.isNaN(time.getTime()) ? null : time
}

const trackedChange = (
  kind: string,
  attrs: { id?: unknown; authorName?: unknown; at?: unknown },
): TrackedChange | undefined =>
  kind === SuggestionMark.insertion || kind === SuggestionMark.deletion
    ? {
        kind,
        id: String(attrs.id ?? ''),
        author: typeof attrs.authorName === 'string' ? attrs.authorName : '',
        at: parseTime(attrs.at),
      }
    : undefined

/**
 * A block suggested whole (a clause inserted, a paragraph deleted). A suggested change of a
 * block's type is shown as suggested, without a mark: the formats have no way to say "was a
 * paragraph".
 */
export const blockChange = (node: PMNode): TrackedChange | undefined => {
  const suggestion = readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])
  return suggestion ? trackedChange(suggestion.kind, suggestion) : undefined
}

const marksOf = (marks: readonly Mark[], inherited: TrackedChange | undefined): Marks => {
  const out: Marks = inherited ? { change: inherited } : {}
  for (const mark of marks) {
    switch (mark.type.name) {
      case SuggestionMark.insertion:
      case SuggestionMark.deletion: {
        const change = trackedChange(mark.type.name, mark.attrs)
        if (change) out.change = change
        break
      }
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

/**
 * The inline content of a textblock (paragraph, heading, clause heading). `inherited` is the
 * suggestion of a block around it that was suggested whole; a suggestion on the words wins.
 * `start`: where its content starts in the text, so each run knows where it stands (for the
 * comments on it); a footnote's runs have none, so no comment begins or ends inside a note.
 */
export const readInlines = (
  node: PMNode,
  inherited: TrackedChange | undefined,
  start: number | undefined,
): Inline[] => {
  const inlines: Inline[] = []
  const change = blockChange(node) ?? inherited
  node.forEach((child, offset) => {
    if (child.isText)
      inlines.push({
        kind: 'text',
        text: child.text ?? '',
        marks: marksOf(child.marks, change),
        ...(start === undefined ? {} : { at: start + offset }),
      })
    else if (child.type.name === 'hardBreak') inlines.push({ kind: 'break' })
    // Numbered once the whole text is read (numberFootnotes).
    else if (child.type.name === FOOTNOTE)
      inlines.push({ kind: 'footnote', number: 0, inlines: readInlines(child, change, undefined) })
    // Labelled once the whole text is read (numberInReadingOrder), from the clauses exported.
    else if (child.type.name === CLAUSE_REFERENCE)
      inlines.push({
        kind: 'text',
        text: '',
        marks: { ...marksOf(child.marks, change), ref: String(child.attrs.clauseId ?? '') },
      })
  })
  return inlines
}

const headingLevel = (value: unknown): HeadingLevel =>
  typeof value === 'number' && value >= 1 && value <= 6 ? (value as HeadingLevel) : 1

/** The blocks of `node`, whose content starts at `start`. */
const readChildren = (
  node: PMNode,
  inherited: TrackedChange | undefined,
  start: number,
): Block[] => {
  const blocks: Block[] = []
  node.forEach((child, offset) => {
    blocks.push(readBlock(child, start + offset, inherited))
  })
  return blocks
}

const span = (value: unknown): number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 ? value : 1

const readTable = (node: PMNode, pos: number, change: TrackedChange | undefined): Block => {
  const rows: TableCell[][] = []
  node.forEach((row, rowOffset) => {
    const cells: TableCell[] = []
    const rowStart = pos + 1 + rowOffset + 1
    row.forEach((cell, cellOffset) => {
      if (!isTableCellName(cell.type.name)) return
      cells.push({
        header: cell.type.name === TableNode.header,
        colspan: span(cell.attrs.colspan),
        rowspan: span(cell.attrs.rowspan),
        blocks: readChildren(
          cell,
          blockChange(cell) ?? blockChange(row) ?? change,
          rowStart + cellOffset + 1,
        ),
      })
    })
    rows.push(cells)
  })
  // Numbered once the whole text is read (numberInReadingOrder).
  return { type: 'table', number: 0, rows, ...(change ? { change } : {}) }
}

/**
 * One ProseMirror block node, standing at `pos` in the text, as an export block. `inherited`:
 * the suggestion of an enclosing block suggested whole, which every word inside shows.
 */
export const readBlock = (node: PMNode, pos: number, inherited?: TrackedChange): Block => {
  const change = blockChange(node) ?? inherited
  switch (node.type.name) {
    case 'paragraph':
      return { type: 'paragraph', inlines: readInlines(node, change, pos + 1) }
    case 'heading':
      return {
        type: 'heading',
        level: headingLevel(node.attrs.level),
        inlines: readInlines(node, change, pos + 1),
      }
    case 'bulletList':
    case 'orderedList': {
      const start = node.attrs.start
      const items: Block[][] = []
      node.forEach((item, offset) => {
        items.push(readChildren(item, blockChange(item) ?? change, pos + 1 + offset + 1))
      })
      return {
        type: 'list',
        ordered: node.type.name === 'orderedList',
        start: typeof start === 'number' && Number.isInteger(start) && start >= 0 ? start : 1,
        items,
      }
    }
    case 'blockquote':
      return { type: 'quote', blocks: readChildren(node, change, pos + 1) }
    case 'codeBlock':
      return { type: 'code', text: node.textContent, ...(change ? { change } : {}) }
    case 'horizontalRule':
      return { type: 'rule', ...(change ? { change } : {}) }
    case TableNode.table:
      return readTable(node, pos, change)
    default:
      // A block type added to the schema after this writer still exports its words.
      return {
        type: 'paragraph',
        inlines: [
          {
            kind: 'text',
            text: node.textBetween(0, node.content.size, ' '),
            marks: change ? { change } : {},
          },
        ],
      }
  }
}
