import type { Block, TableCell } from '../model/Block.js'
import { inlineText } from '../model/inlineText.js'
import { type GridSlot, tableGrid } from '../model/tableGrid.js'
import type { PdfWriter } from './PdfWriter.js'

const PADDING = 4
const RULE = '#808080'

/** The cell that takes a grid place, starting there or merged over it. */
const cellAt = (slot: GridSlot | undefined): TableCell | undefined =>
  slot?.kind === 'cell' ? slot.cell : slot?.by

const paragraphsOf = (cell: TableCell): Block[] =>
  cell.blocks.length > 0 ? cell.blocks : [{ type: 'paragraph', inlines: [] }]

/**
 * Draws a table as a ruled grid, row by row, columns of equal width. A row that does not fit
 * on the page starts a new one. A merged cell spans its columns; one merged down rows writes
 * its text in its first row, with no rule across it between the rows it covers.
 */
export const drawTable = (
  pdf: PdfWriter,
  rows: readonly TableCell[][],
  block: (block: Block, box: { x: number; width: number; bold: boolean }) => void,
): void => {
  const grid = tableGrid(rows)
  const columns = grid[0]?.length ?? 0
  if (columns === 0) return
  const left = pdf.left
  const columnWidth = pdf.width / columns
  const { doc } = pdf
  const cellWidth = (cell: TableCell) => columnWidth * cell.colspan - 2 * PADDING
  pdf.group('Table', () =>
    grid.forEach((row, r) => {
      // Room for the row's tallest cell, measured as plain text.
      const estimate = Math.max(
        ...row.map((slot) =>
          slot.kind === 'cell'
            ? doc.heightOfString(
                paragraphsOf(slot.cell)
                  .map((inner) => (inner.type === 'paragraph' ? inlineText(inner.inlines) : ''))
                  .join('\n') || ' ',
                { width: cellWidth(slot.cell) },
              )
            : 0,
        ),
      )
      pdf.ensureSpace(estimate + 3 * PADDING)
      const top = doc.y
      let bottom = top
      // A tagged table: rows of header and data cells, so a screen reader can announce them.
      pdf.group('TR', () =>
        row.forEach((slot, c) => {
          if (slot.kind !== 'cell') return
          doc.y = top + PADDING
          pdf.group(slot.cell.header ? 'TH' : 'TD', () => {
            for (const inner of paragraphsOf(slot.cell))
              block(inner, {
                x: left + c * columnWidth + PADDING,
                width: cellWidth(slot.cell),
                bold: slot.cell.header,
              })
          })
          bottom = Math.max(bottom, doc.y)
        }),
      )
      bottom += PADDING
      // The rules are layout, not content: artifacts of a tagged PDF.
      pdf.artifact('Layout', () =>
        row.forEach((slot, c) => {
          const cell = slot.kind === 'cell' ? slot.cell : slot.by
          // A place the same cell takes on its left: that place's rectangle already spans this one.
          if (slot.kind === 'covered' && cellAt(row[c - 1]) === cell) return
          const x = left + c * columnWidth
          const width = columnWidth * cell.colspan
          doc.lineWidth(0.5).strokeColor(RULE)
          // Rules on top and at the foot only where the merged cell begins and ends.
          if (slot.kind === 'cell')
            doc
              .moveTo(x, top)
              .lineTo(x + width, top)
              .stroke()
          if (cellAt(grid[r + 1]?.[c]) !== cell)
            doc
              .moveTo(x, bottom)
              .lineTo(x + width, bottom)
              .stroke()
          doc.moveTo(x, top).lineTo(x, bottom).stroke()
          doc
            .moveTo(x + width, top)
            .lineTo(x + width, bottom)
            .stroke()
        }),
      )
      doc.y = bottom
    }),
  )
  doc.x = left
  doc.y += 8
}
