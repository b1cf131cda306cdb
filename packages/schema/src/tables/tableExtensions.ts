import {
  type AnyExtension,
  callOrReturn,
  getExtensionField,
  mergeAttributes,
  Node,
} from '@tiptap/core'
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
 * The table node as Tiptap's table extension declares it (name, content, `tableRole`,
 * isolating, parse rule), without that extension's commands, keys and prosemirror-tables
 * plugins: the schema needs none of them, and the editor loads them only when a person works
 * in a table (the client's `TableEditing`), so they stay off the way to a document's first
 * keystroke. Drawn as `table > tbody`; columns are never resized (a width dragged by one person
 * would be a layout change nobody else asked for), so it needs no `colgroup`.
 */
const Table = Node.create({
  name: TableNode.table,
  content: `${TableNode.row}+`,
  tableRole: 'table',
  isolating: true,
  group: 'block',
  marks: BLOCK_SUGGESTION_MARKS,
  parseHTML: () => [{ tag: 'table' }],
  renderHTML: ({ HTMLAttributes }) => ['table', mergeAttributes(HTMLAttributes), ['tbody', 0]],
  // Puts each table node's role (`table`, `row`, `cell`, `header_cell`) in its spec, where
  // prosemirror-tables reads it.
  extendNodeSchema: (extension) => ({
    tableRole: callOrReturn(
      getExtensionField(extension, 'tableRole', {
        name: extension.name,
        options: extension.options,
        storage: extension.storage,
      }),
    ),
  }),
})

/**
 * Tables: rows of header (`th`) and data (`td`) cells, with merged cells (`colspan`,
 * `rowspan`) as prosemirror-tables keeps them. A table is an ordinary block, so it stands in
 * a clause's body or between clauses.
 */
export const tableExtensions = (): AnyExtension[] => [
  Table,
  TableRow.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableHeader.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
  TableCell.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
]
