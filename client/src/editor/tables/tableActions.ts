import type { Editor } from '@tiptap/core'

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

/**
 * Runs one table action (Tiptap's table commands of the same name) at the selection, or only
 * tells whether it can run there when `dryRun` is set. True when it ran (or could).
 */
export const runTableAction = (editor: Editor, action: TableAction, dryRun = false): boolean => {
  const commands = dryRun ? editor.can().chain() : editor.chain().focus()
  switch (action) {
    case TableAction.addRowBefore:
      return commands.addRowBefore().run()
    case TableAction.addRowAfter:
      return commands.addRowAfter().run()
    case TableAction.addColumnBefore:
      return commands.addColumnBefore().run()
    case TableAction.addColumnAfter:
      return commands.addColumnAfter().run()
    case TableAction.deleteRow:
      return commands.deleteRow().run()
    case TableAction.deleteColumn:
      return commands.deleteColumn().run()
    case TableAction.toggleHeaderRow:
      return commands.toggleHeaderRow().run()
    case TableAction.mergeCells:
      return commands.mergeCells().run()
    case TableAction.splitCell:
      return commands.splitCell().run()
    case TableAction.deleteTable:
      return commands.deleteTable().run()
  }
}
