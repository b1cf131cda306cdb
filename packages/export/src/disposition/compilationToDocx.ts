import type { Compilation, Language, WordChange } from '@accord/protocol'
import {
  Document,
  HeadingLevel,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { xmlSafeText } from '../model/xmlSafe.js'
import {
  COMPILATION_COLUMNS,
  compilationCells,
  compilationHeadings,
  compilationTitle,
} from './compilationColumns.js'

/** A4 in twips (given upright: the library turns it for landscape), 1.5 cm margins. */
const A4 = { width: 11906, height: 16838 }
const MARGIN = 850
/** Relative widths of the columns: the comment, proposed change and observations need room. */
const WIDTHS = [9, 8, 6, 12, 5, 18, 16, 8, 18]

/** A cell's text: one paragraph per line, so line breaks in a comment survive. */
const cell = (text: string, bold = false): TableCell =>
  new TableCell({
    children: text
      .split('\n')
      .map((line) => new Paragraph({ children: [new TextRun({ text: line, bold })] })),
  })

const PROPOSED = COMPILATION_COLUMNS.indexOf('proposedChange')

/**
 * A proposed change as a redline against the words it replaces: deleted words struck
 * through, inserted ones underlined (plain formatting, not tracked revisions: accepting all
 * changes in Word must not rewrite the record); one paragraph per line.
 */
const redlineCell = (changes: readonly WordChange[]): TableCell => {
  const lines: TextRun[][] = [[]]
  for (const change of changes) {
    xmlSafeText(change.text)
      .split('\n')
      .forEach((text, i) => {
        if (i > 0) lines.push([])
        if (text === '') return
        lines.at(-1)?.push(
          new TextRun({
            text,
            strike: change.type === 'delete' || undefined,
            underline: change.type === 'insert' ? {} : undefined,
          }),
        )
      })
  }
  return new TableCell({ children: lines.map((children) => new Paragraph({ children })) })
}

/** The compilation of comments as a Word document: a title and one landscape table. */
export const compilationToDocx = async (
  compilation: Compilation,
  language: Language,
): Promise<Uint8Array> => {
  const total = WIDTHS.reduce((a, b) => a + b, 0)
  const header = new TableRow({
    tableHeader: true,
    children: compilationHeadings(language).map((heading) => cell(heading, true)),
  })
  const rows = compilation.rows.map(
    (row) =>
      new TableRow({
        children: compilationCells(row, language).map((text, i) =>
          i === PROPOSED && row.redline ? redlineCell(row.redline) : cell(text),
        ),
      }),
  )
  const title = compilationTitle(language, compilation.document.title)
  const doc = new Document({
    creator: 'Accord',
    title,
    styles: { default: { document: { run: { font: 'Times New Roman', size: 20 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { ...A4, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: title }),
          new Table({
            width: { size: 100, type: WidthType.PERCENTAGE },
            columnWidths: WIDTHS.map((w) => Math.round(((A4.height - 2 * MARGIN) * w) / total)),
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
