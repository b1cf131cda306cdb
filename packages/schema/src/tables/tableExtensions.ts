import type { AnyExtension } from '@tiptap/core'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { BLOCK_SUGGESTION_MARKS } from '../suggestions/BlockSuggestions.js'

/**
 * What a cell holds: paragraphs of clause text. Lists, quotes and tables inside cells are
 * left out on purpose: every export format (Markdown GFM above all) can write a cell of
 * paragraphs, and a cell that cannot be written would lose words.
 */
const CELL_CONTENT = 'paragraph+'

/**
 * Re-exported so that the table commands' typings (`insertTable`, `addRowAfter`…), which the
 * extension declares on Tiptap's `Commands`, reach every package that uses this schema.
 */
export type { TableOptions } from '@tiptap/extension-table'

/**
 * Tables: rows of header (`th`) and data (`td`) cells, with merged cells (`colspan`,
 * `rowspan`) as prosemirror-tables keeps them. A table is an ordinary block, so it stands in
 * a clause's body or between clauses. Column widths are not resizable: a width dragged by one
 * person would be a layout change nobody else asked for.
 */
export const tableExtensions = (): AnyExtension[] => [
  Table.extend({ marks: BLOCK_SUGGESTION_MARKS }).configure({ resizable: false }),
  TableRow.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableHeader.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
  TableCell.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
]
