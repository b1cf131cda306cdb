import type { Compilation, Language } from '@accord/protocol'
import ExcelJS from 'exceljs'
import { xmlSafeText } from '../model/xmlSafe.js'
import {
  COMPILATION_COLUMNS,
  compilationCells,
  compilationHeadings,
  compilationTitle,
} from './compilationColumns.js'

const PROPOSED = COMPILATION_COLUMNS.indexOf('proposedChange')

const WIDTHS = [18, 18, 10, 30, 8, 50, 40, 18, 50]

/** The compilation of comments as an Excel workbook: one sheet, a bold frozen heading row. */
export const compilationToXlsx = async (
  compilation: Compilation,
  language: Language,
): Promise<Uint8Array> => {
  const workbook = new ExcelJS.Workbook()
  workbook.creator = 'Accord'
  workbook.title = compilationTitle(language, compilation.document.title)
  const sheet = workbook.addWorksheet('Comments', {
    views: [{ state: 'frozen', ySplit: 1 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToHeight: 0 },
  })
  sheet.columns = compilationHeadings(language).map((header, i) => ({
    header,
    width: WIDTHS[i] ?? 20,
  }))
  sheet.getRow(1).font = { bold: true }
  for (const row of compilation.rows) {
    // Strings only: a comment that looks like a formula or a number stays what was written.
    const added = sheet.addRow(compilationCells(row, language))
    added.alignment = { wrapText: true, vertical: 'top' }
    // A proposed change for quoted words, as a redline: deleted words struck, inserted underlined.
    if (row.redline) {
      added.getCell(PROPOSED + 1).value = {
        richText: row.redline.map((change) => ({
          text: xmlSafeText(change.text),
          font: { strike: change.type === 'delete', underline: change.type === 'insert' },
        })),
      }
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}
