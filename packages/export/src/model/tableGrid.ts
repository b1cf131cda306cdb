import type { TableCell } from './Block.js'

/** A place in a table's grid: a cell starts there, or a merged cell above or left covers it. */
export type GridSlot = { kind: 'cell'; cell: TableCell } | { kind: 'covered'; by: TableCell }

/**
 * A table as a full grid, one slot per row and column: what formats without row spans
 * (Markdown) or with explicit covered cells (ODT, DOCX's vertical merge) need. Rows that a
 * span runs past, or that are short, are padded so every row has the table's width.
 */
export const tableGrid = (rows: readonly TableCell[][]): GridSlot[][] => {
  const grid: (GridSlot | undefined)[][] = rows.map(() => [])
  rows.forEach((row, r) => {
    let c = 0
    for (const cell of row) {
      while (grid[r]?.[c]) c += 1
      for (let dr = 0; dr < cell.rowspan && r + dr < rows.length; dr += 1)
        for (let dc = 0; dc < cell.colspan; dc += 1) {
          const target = grid[r + dr]
          if (target)
            target[c + dc] =
              dr === 0 && dc === 0 ? { kind: 'cell', cell } : { kind: 'covered', by: cell }
        }
      c += cell.colspan
    }
  })
  const width = Math.max(0, ...grid.map((row) => row.length))
  const empty = (): GridSlot => ({
    kind: 'cell',
    cell: { header: false, colspan: 1, rowspan: 1, blocks: [] },
  })
  return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? empty()))
}
