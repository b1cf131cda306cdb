import type { SourceDocument, SourceParagraph, SourceTable } from '../SourceDocument.js'

const PLACEHOLDER: SourceParagraph = { type: 'paragraph', inlines: [] }

/**
 * The source's blocks as one run of paragraphs for clause detection, each table standing in
 * its place as an empty paragraph (`tables` says which), and the number of footnotes the text
 * refers to (a note that nothing refers to is not counted: it does not come in).
 */
export const flattenBlocks = (
  source: SourceDocument,
): {
  paragraphs: SourceParagraph[]
  /** The table at each placeholder's index in `paragraphs`. */
  tables: Map<number, SourceTable>
  footnotes: number
} => {
  const referred = new Set<string>()
  const countNotes = (paragraph: SourceParagraph) => {
    for (const inline of paragraph.inlines)
      if (inline.type === 'noteRef' && source.footnotes.has(inline.id)) referred.add(inline.id)
  }
  const paragraphs: SourceParagraph[] = []
  const tables = new Map<number, SourceTable>()
  for (const block of source.blocks) {
    if (block.type === 'paragraph') {
      countNotes(block)
      paragraphs.push(block)
      continue
    }
    for (const row of block.rows) for (const cell of row) cell.paragraphs.forEach(countNotes)
    tables.set(paragraphs.length, block)
    paragraphs.push(PLACEHOLDER)
  }
  return { paragraphs, tables, footnotes: referred.size }
}
