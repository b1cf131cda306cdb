import type { Compilation, Language, WordChange } from '@accord/protocol'
import {
  Document,
  HeadingLevel,
  type IXmlableObject,
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
const TOTAL = WIDTHS.reduce((a, b) => a + b, 0)
/** The columns in twips: together the text width of the landscape page. */
const COLUMN_TWIPS = WIDTHS.map((w) => Math.round(((A4.height - 2 * MARGIN) * w) / TOTAL))

/** A cell's lines: one paragraph each, so line breaks in a comment survive. */
const lines = (text: string) => text.split('\n')

/** The heading cells, in bold. */
const headingCell = (text: string): TableCell =>
  new TableCell({
    children: lines(text).map(
      (line) => new Paragraph({ children: [new TextRun({ text: line, bold: true })] }),
    ),
  })

/** What docx writes for a cell's width (`w:tcPr`), the same for every row: made once. */
const CELL_PROPERTIES: IXmlableObject[] = COLUMN_TWIPS.map((twips) => ({
  'w:tcPr': [{ 'w:tcW': { _attr: { 'w:type': 'dxa', 'w:w': twips } } }],
}))
const PRESERVE = { _attr: { 'xml:space': 'preserve' } }
const STRUCK = { 'w:rPr': [{ 'w:strike': {} }] }
const UNDERLINED = { 'w:rPr': [{ 'w:u': { _attr: { 'w:val': 'single' } } }] }
const PROPOSED = COMPILATION_COLUMNS.indexOf('proposedChange')

/** A cell's paragraphs, each a list of runs: plain text, one paragraph per line. */
type CellLines = IXmlableObject[][]
const run = (text: string, properties?: IXmlableObject): IXmlableObject => ({
  'w:r': [...(properties ? [properties] : []), { 'w:t': [PRESERVE, text] }],
})
const textLines = (text: string): CellLines => lines(text).map((line) => [run(line)])

/**
 * A proposed change as a redline against the words it replaces: deleted words struck
 * through, inserted ones underlined (plain formatting, not tracked revisions: accepting all
 * changes in Word must not rewrite the record); one paragraph per line.
 */
const redlineLines = (changes: readonly WordChange[]): CellLines => {
  const paragraphs: CellLines = [[]]
  for (const change of changes) {
    const properties =
      change.type === 'delete' ? STRUCK : change.type === 'insert' ? UNDERLINED : undefined
    lines(xmlSafeText(change.text)).forEach((text, i) => {
      if (i > 0) paragraphs.push([])
      if (text !== '') paragraphs.at(-1)?.push(run(text, properties))
    })
  }
  return paragraphs
}

/**
 * A row of cells, given to docx as the object it writes a row from, as an `XmlComponent`
 * may (`prepForXml`): a `w:tr` of `w:tc`s, each with its width and its paragraphs of runs,
 * as docx writes a `TableRow` of `TableCell`s of such paragraphs (docx escapes the text as
 * it writes). Built through docx's own classes, 2,000 rows of nine cells are some 300,000
 * objects made, walked and copied before a byte is written: most of the time of the export,
 * and of its memory.
 */
class TextRow extends TableRow {
  private readonly xml: IXmlableObject

  constructor(cells: readonly CellLines[]) {
    // No cells of its own: the table has nothing to size or merge in this row.
    super({ children: [] })
    this.xml = {
      'w:tr': cells.map((paragraphs, i) => ({
        'w:tc': [CELL_PROPERTIES[i], ...paragraphs.map((runs) => ({ 'w:p': runs }))],
      })),
    }
  }

  override prepForXml(): IXmlableObject {
    return this.xml
  }
}

/** The compilation of comments as a Word document: a title and one landscape table. */
export const compilationToDocx = async (
  compilation: Compilation,
  language: Language,
): Promise<Uint8Array> => {
  const header = new TableRow({
    tableHeader: true,
    children: compilationHeadings(language).map(headingCell),
  })
  const rows = compilation.rows.map(
    (row) =>
      new TextRow(
        compilationCells(row, language).map((text, i) =>
          i === PROPOSED && row.redline ? redlineLines(row.redline) : textLines(text),
        ),
      ),
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
            columnWidths: COLUMN_TWIPS,
            rows: [header, ...rows],
          }),
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
