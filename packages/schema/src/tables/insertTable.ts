import type { NodeType, Node as PMNode } from '@tiptap/pm/model'
import { type Command, TextSelection } from '@tiptap/pm/state'
import { TableNode } from './tableNodeNames.js'

/** Three cells of one kind, each an empty paragraph. */
const threeCells = (type: NodeType): PMNode[] => [0, 1, 2].map(() => type.createAndFill() as PMNode)

/**
 * Inserts a new table in place of the selection, with the caret in its first cell: three rows
 * of three cells, the first row of header cells. Built from the schema alone, so it needs no
 * table-editing code (prosemirror-tables, which the client loads later) and happens at once.
 */
export const insertTable: Command = (state, dispatch) => {
  const { nodes } = state.schema
  const table = nodes[TableNode.table]
  const row = nodes[TableNode.row]
  const header = nodes[TableNode.header]
  const cell = nodes[TableNode.cell]
  if (!table || !row || !header || !cell) return false
  const node = table.createChecked(null, [
    row.createChecked(null, threeCells(header)),
    row.createChecked(null, threeCells(cell)),
    row.createChecked(null, threeCells(cell)),
  ])
  if (dispatch) {
    const inFirstCell = state.selection.from + 1
    const tr = state.tr.replaceSelectionWith(node)
    dispatch(tr.scrollIntoView().setSelection(TextSelection.near(tr.doc.resolve(inFirstCell))))
  }
  return true
}
