/**
 * Names of the table nodes, as Tiptap's table extensions name them, in ProseMirror JSON, the
 * Y.XmlFragment and every consumer (diff, export, import). Changing one is a data migration.
 */
export const TableNode = {
  table: 'table',
  row: 'tableRow',
  cell: 'tableCell',
  header: 'tableHeader',
} as const
export type TableNode = (typeof TableNode)[keyof typeof TableNode]

/** A cell of either kind: a header cell (`th`) or a data cell (`td`). */
export const isTableCellName = (name: string): boolean =>
  name === TableNode.cell || name === TableNode.header
