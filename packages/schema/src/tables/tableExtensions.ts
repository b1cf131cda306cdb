import type { AnyExtension } from '@tiptap/core'
import { Table, TableCell, TableHeader, TableRow } from '@tiptap/extension-table'
import { Plugin } from '@tiptap/pm/state'
import { isRemoteChange } from '../remoteChange.js'
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
 * prosemirror-tables repairs a table whose rows came out uneven (one person added a column
 * while another added a row) in an `appendTransaction`, for every change, the Yjs binding's
 * too. Each replica then repaired the same table on its own: its repair was written as that
 * person's next edit, and two repairs made concurrently (one person back from a dropped
 * connection) both stayed, so the rows grew uneven the other way and the next repairs added
 * more: a three-column table became five columns on the server and eight on an observer's
 * page. The binding's changes are left as they came; the next person to edit the table
 * repairs it, once, as their own change.
 */
const repairOwnChangesOnly = (plugin: Plugin): Plugin => {
  const repair = plugin.spec.appendTransaction
  if (!repair) return plugin
  return new Plugin({
    ...plugin.spec,
    appendTransaction: (transactions, oldState, state) =>
      transactions.some(isRemoteChange) ? null : repair(transactions, oldState, state),
  })
}

/**
 * Tables: rows of header (`th`) and data (`td`) cells, with merged cells (`colspan`,
 * `rowspan`) as prosemirror-tables keeps them. A table is an ordinary block, so it stands in
 * a clause's body or between clauses. Column widths are not resizable: a width dragged by one
 * person would be a layout change nobody else asked for.
 */
export const tableExtensions = (): AnyExtension[] => [
  Table.extend({
    marks: BLOCK_SUGGESTION_MARKS,
    addProseMirrorPlugins() {
      return (this.parent?.() ?? []).map(repairOwnChangesOnly)
    },
  }).configure({ resizable: false }),
  TableRow.extend({ marks: BLOCK_SUGGESTION_MARKS }),
  TableHeader.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
  TableCell.extend({ content: CELL_CONTENT, marks: BLOCK_SUGGESTION_MARKS }),
]
