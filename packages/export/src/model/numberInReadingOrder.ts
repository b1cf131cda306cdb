import type { ReferenceTarget } from '@accord/schema'
import type { Block, ExportClause, FootnoteInline, Inline } from './Block.js'

/**
 * Numbers the footnotes and the tables of an exported text in reading order (preface, clauses
 * with their headings, conclusions) and lists the footnotes, for the formats that write the
 * notes at the end; a table's number makes its identifier (Akoma Ntoso's `eId`).
 * The same order as the editor's `footnoteNumbers`, counted in the text as exported (a clean
 * copy leaves out footnotes only suggested, so the numbers stay consecutive).
 *
 * Cross-references get their labels here too, from `target` (the clauses of the text as
 * exported): a reference whose clause is not in this text keeps its label but loses its link.
 */
export const numberInReadingOrder = (
  parts: readonly (readonly (Block | ExportClause)[])[],
  target: (clauseId: string) => ReferenceTarget,
): FootnoteInline[] => {
  const found: FootnoteInline[] = []
  let tables = 0
  const inlines = (items: readonly Inline[]) => {
    for (const item of items)
      if (item.kind === 'footnote') {
        item.number = found.length + 1
        found.push(item)
        inlines(item.inlines)
      } else if (item.kind === 'text' && item.marks.ref !== undefined) {
        const { number, label } = target(item.marks.ref)
        item.text = label
        if (number === null) delete item.marks.ref
      }
  }
  const blocks = (items: readonly (Block | ExportClause)[]) => {
    for (const item of items) {
      switch (item.type) {
        case 'clause':
          inlines(item.heading)
          blocks(item.children)
          break
        case 'paragraph':
        case 'heading':
          inlines(item.inlines)
          break
        case 'list':
          for (const listItem of item.items) blocks(listItem)
          break
        case 'quote':
          blocks(item.blocks)
          break
        case 'table':
          tables += 1
          item.number = tables
          for (const row of item.rows) for (const cell of row) blocks(cell.blocks)
          break
        case 'code':
        case 'rule':
          break
      }
    }
  }
  for (const part of parts) blocks(part)
  return found
}
