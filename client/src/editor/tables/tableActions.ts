/** What a person can do to the table at the cursor, in toolbar order. */
export const TableAction = {
  addRowBefore: 'addRowBefore',
  addRowAfter: 'addRowAfter',
  addColumnBefore: 'addColumnBefore',
  addColumnAfter: 'addColumnAfter',
  deleteRow: 'deleteRow',
  deleteColumn: 'deleteColumn',
  toggleHeaderRow: 'toggleHeaderRow',
  mergeCells: 'mergeCells',
  splitCell: 'splitCell',
  deleteTable: 'deleteTable',
} as const
export type TableAction = (typeof TableAction)[keyof typeof TableAction]

export const TABLE_ACTIONS: readonly TableAction[] = Object.values(TableAction)

/**
 * The toolbar glyph of each action: symbols only, no letters, so that what a button shows is
 * never a word missing from its spoken name (the label says what it does).
 */
export const TABLE_ACTION_GLYPHS: Record<TableAction, string> = {
  addRowBefore: '↑+',
  addRowAfter: '↓+',
  addColumnBefore: '←+',
  addColumnAfter: '→+',
  deleteRow: '↕−',
  deleteColumn: '↔−',
  toggleHeaderRow: '▤',
  mergeCells: '⊞',
  splitCell: '⊟',
  deleteTable: '✕',
}
