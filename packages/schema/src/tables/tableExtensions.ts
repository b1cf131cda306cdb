import { type AnyExtension, callOrReturn, getExtensionField, Node } from '@tiptap/core'
import { TableCell } from '@tiptap/extension-table/cell'
import { TableHeader } from '@tiptap/extension-table/header'
import { TableRow } from '@tiptap/extension-table/row'
import { BLOCK_SUGGESTION_MARKS } from '../suggestions/BlockSuggestions.js'
import { TableNode } from './tableNodeNames.js'

/**
 * What a cell holds: paragraphs of clause text. Lists, quotes and tables inside cells are
 * left out on purpose: every export format (Markdown GFM above all) can write a cell of
 * paragraphs, and a cell that cannot be written would lose words.
 */
const CELL_CONTENT = 'paragraph+'

/**
 * Re-exported so that the table commands' typings (`insertTable`, `addRowAfter`…), which the
 * extension declares on Tiptap's `Commands`, reach every package that uses this schema. The
 * commands themselves come with `tableEditing` (`@accord/schema/tableEditing`).
 */
export type { TableOptions } from '@tiptap/extension-table'

/**
 * The table node as Tiptap's Table extension defines it in the schema (the same name,
 * content, role and parsing), without its commands, keys and prosemirror-tables' plugins,
 * which Tiptap's extension holds in the same object: an editor can then have tables in its
 * schema before it loads the code that edits them (`tables/tableEditing.ts`). `tableRole`
 * is how prosemirror-tables finds the table, row and cell types; like Tiptap's, this node
 * puts it in every node's spec.
 */
const TableOnly = Node.create({
  name: TableNode.table,
  content: 'tableRow+',
  tableRole: 'table',
  isolating: true,
  group: 'block',
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => ['table', HTMLAttributes, ['tbody', 0]],
  extendNodeSchema(extension) {
    const context = { name: extension.name, options: extension.options, storage: extension.storage }
    return { tableRole: callOrReturn(getExtensionField(extension, 'tableRole', context)) }
  },
})

/**
 * Tables: rows of header (`th`) and data (`td`) cells, with merged cells (`colspan`,
 * `rowspan`) as prosemirror-tables keeps them. A table is an ordinary block, so it stands in
 * a clause's body or between clauses. Column widths are not resizable: a width dragged by one
 * person would be a layout change nobody else asked for.
 */
export const tableExtensions = (): AnyExtension[] => [
  TableOnly.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableRow.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableHeader.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
  TableCell.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
]
