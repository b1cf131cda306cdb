import { isRemoteChange } from '@accord/schema'
import { type Command, Plugin, TextSelection } from '@tiptap/pm/state'
import {
  addColumnAfter,
  addColumnBefore,
  addRowAfter,
  addRowBefore,
  CellSelection,
  deleteColumn,
  deleteRow,
  deleteTable,
  findTable,
  goToNextCell,
  mergeCells,
  splitCell,
  tableEditing,
  toggleHeader,
} from '@tiptap/pm/tables'
import type { TableAction } from './tableActions'

/*
 * What editing a table takes beyond its nodes: prosemirror-tables' plugin (cell selection,
 * arrow keys between cells, pasting cells, repairing uneven rows) and its commands. A chunk of
 * its own, loaded by `TableEditing` when a person first works in a table.
 */

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

export const tableEditingPlugin = (): Plugin => repairOwnChangesOnly(tableEditing())

/**
 * Keeps the caret in the table a row or column was deleted from: prosemirror-tables leaves it
 * where the deleted cells were, which after the last row is the text below the table.
 */
const keepingCaretInTable =
  (command: Command): Command =>
  (state, dispatch) => {
    const table = findTable(state.selection.$from)
    return command(
      state,
      dispatch &&
        ((tr) => {
          if (table && findTable(tr.selection.$from)?.pos !== tr.mapping.map(table.pos)) {
            const kept = tr.doc.nodeAt(tr.mapping.map(table.pos))
            if (kept) {
              const end = tr.mapping.map(table.pos) + kept.nodeSize - 1
              tr.setSelection(TextSelection.near(tr.doc.resolve(end), -1))
            }
          }
          dispatch(tr)
        }),
    )
  }

/** The toolbar's table actions, as ProseMirror commands. */
export const tableActionCommands: Record<TableAction, Command> = {
  addRowBefore,
  addRowAfter,
  addColumnBefore,
  addColumnAfter,
  deleteRow: keepingCaretInTable(deleteRow),
  deleteColumn: keepingCaretInTable(deleteColumn),
  toggleHeaderRow: toggleHeader('row'),
  mergeCells,
  splitCell,
  deleteTable,
}

/**
 * Tab: to the next cell, or a new row after the last one, as in a word processor. Shift-Tab:
 * to the previous cell. False outside a table, so Tab does what it does elsewhere.
 */
export const nextCell: Command = (state, dispatch, view) => {
  if (goToNextCell(1)(state, dispatch)) return true
  if (!addRowAfter(state)) return false
  if (!dispatch || !view) return true
  addRowAfter(state, dispatch)
  return goToNextCell(1)(view.state, dispatch)
}
export const previousCell: Command = goToNextCell(-1)

/** Backspace or Delete with every cell of a table selected deletes the table. */
export const deleteWholeTable: Command = (state, dispatch) => {
  const { selection } = state
  if (!(selection instanceof CellSelection)) return false
  const table = findTable(selection.$anchorCell)
  let cells = 0
  table?.node.descendants((node) => {
    if (node.type.spec.tableRole === 'cell' || node.type.spec.tableRole === 'header_cell') cells++
    return node.type.spec.tableRole !== 'table'
  })
  return cells === selection.ranges.length && deleteTable(state, dispatch)
}
