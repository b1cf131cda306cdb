import { type CompilationColumn, headingsOf } from '@accord/export/core'
import ExcelJS, { type Cell } from 'exceljs'
import { unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import { invalid } from '../../errors/DomainError.js'

/** The columns a filled-in template must or may have; the rest are ignored. */
type ReadColumn = Extract<
  CompilationColumn,
  'organization' | 'author' | 'clause' | 'paragraph' | 'type' | 'comment' | 'proposedChange'
>

/** One row of a filled-in template: its row number in the file and its cells by column. */
export interface TemplateRow {
  row: number
  cells: Partial<Record<ReadColumn, string>>
}

/** Lower case, footnote marks and punctuation as single spaces: 'MB/NC¹' → 'mb nc'. */
const normalize = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[^\p{L}]+/gu, ' ')
    .trim()

/** What each column is headed in the ISO/IEC template, in other templates, and in ours. */
const NAMES: Record<ReadColumn, string[]> = {
  organization: [...headingsOf('organization'), 'MB/NC', 'MB', 'NC', 'Organisation', 'Member body'],
  author: [...headingsOf('author'), 'Name', 'Commenter', 'Имя'],
  clause: [...headingsOf('clause'), 'Clause', 'Clause No', 'Subclause', 'Пункт', 'Раздел'],
  paragraph: [...headingsOf('paragraph'), 'Paragraph', 'Paragraph/Figure/Table/Note', 'Абзац'],
  type: [...headingsOf('type'), 'Type', 'Тип'],
  comment: [...headingsOf('comment'), 'Comment', 'Замечания', 'Комментарий'],
  proposedChange: [
    ...headingsOf('proposedChange'),
    'Proposed changes',
    'Предложение',
    'Предлагаемые изменения',
  ],
}
const COLUMN_OF = new Map<string, ReadColumn>(
  Object.entries(NAMES).flatMap(([column, names]) =>
    names.map((name) => [normalize(name), column as ReadColumn] as const),
  ),
)

/** How many leading rows may come before the heading row (a title, a note). */
const HEADING_SEARCH = 10

/**
 * A cell as read: all its words, and those not struck through. Struck words are words a
 * redline deletes, which only the proposed change column holds (the compilation writes a
 * proposed change for quoted words so); elsewhere strike-through is the writer's formatting.
 */
interface ReadCell {
  text: string
  unstruck: string
}

/** The rows under the first heading row that names at least the clause and comment columns. */
const rowsUnderHeading = (table: { row: number; cells: ReadCell[] }[]): TemplateRow[] | null => {
  for (const [at, candidate] of table.slice(0, HEADING_SEARCH).entries()) {
    const columns = candidate.cells.map((cell) => COLUMN_OF.get(normalize(cell.text)))
    if (!columns.includes('clause') || !columns.includes('comment')) continue
    return table.slice(at + 1).map(({ row, cells }) => {
      const named: TemplateRow['cells'] = {}
      columns.forEach((column, i) => {
        const cell = cells[i]
        const text = column === 'proposedChange' ? cell?.unstruck : cell?.text
        if (column && named[column] === undefined) named[column] = (text ?? '').trim()
      })
      return { row, cells: named }
    })
  }
  return null
}

const notATemplate = (reason: string) =>
  invalid(`This is not a filled-in compilation-of-comments template: ${reason}`, undefined, [
    { path: 'file', message: reason },
  ])

/** What the reader uses of a parsed XML element (the server has no DOM types). */
interface XmlElement {
  textContent: string | null
  getAttribute(name: string): string | null
  getElementsByTagName(name: string): ArrayLike<XmlElement>
}

/** Whether a Word run is struck through (single or double). */
const struck = (run: XmlElement): boolean =>
  ['w:strike', 'w:dstrike'].some((tag) => {
    const mark = run.getElementsByTagName(tag)[0]
    return mark !== undefined && !['0', 'false', 'off'].includes(mark.getAttribute('w:val') ?? '')
  })

/** The text of a Word table cell: its paragraphs' runs as lines, with and without struck runs. */
const cellText = (cell: XmlElement): ReadCell => {
  const paragraphs = Array.from(cell.getElementsByTagName('w:p')).map((p) =>
    Array.from(p.getElementsByTagName('w:r')),
  )
  const text = (keep: (run: XmlElement) => boolean) =>
    paragraphs
      .map((runs) =>
        runs
          .filter(keep)
          .flatMap((run) => Array.from(run.getElementsByTagName('w:t')))
          .map((t) => t.textContent ?? '')
          .join(''),
      )
      .join('\n')
  return { text: text(() => true), unstruck: text((run) => !struck(run)) }
}

/** A workbook cell's text; of rich text, also the parts not struck through (as in Word). */
const xlsxCellText = (cell: Cell): ReadCell => {
  const value = cell.value
  if (value && typeof value === 'object' && 'richText' in value) {
    const text = (parts: typeof value.richText) => parts.map((part) => part.text).join('')
    return {
      text: text(value.richText),
      unstruck: text(value.richText.filter((part) => !part.font?.strike)),
    }
  }
  const text = cell.text ?? ''
  return { text, unstruck: text }
}

const docxTables = (xml: Uint8Array): { row: number; cells: ReadCell[] }[][] => {
  const doc = new DOMParser().parseFromString(
    new TextDecoder().decode(xml),
    'text/xml',
  ) as unknown as XmlElement
  return Array.from(doc.getElementsByTagName('w:tbl')).map((table) =>
    Array.from(table.getElementsByTagName('w:tr')).map((tr, i) => ({
      row: i + 1,
      cells: Array.from(tr.getElementsByTagName('w:tc')).map(cellText),
    })),
  )
}

const xlsxTables = async (bytes: Uint8Array): Promise<{ row: number; cells: ReadCell[] }[][]> => {
  const workbook = new ExcelJS.Workbook()
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer)
  } catch {
    throw notATemplate('the file is not an XLSX workbook')
  }
  return workbook.worksheets.map((sheet) => {
    const rows: { row: number; cells: ReadCell[] }[] = []
    sheet.eachRow({ includeEmpty: false }, (row, number) => {
      const cells: ReadCell[] = []
      for (let i = 1; i <= row.cellCount; i++) cells.push(xlsxCellText(row.getCell(i)))
      rows.push({ row: number, cells })
    })
    return rows
  })
}

/** The Word body of a DOCX, or 'xlsx' for a workbook; both are ZIP packages. */
const packageOf = (bytes: Uint8Array): Uint8Array | 'xlsx' => {
  let files: Record<string, Uint8Array>
  try {
    files = unzipSync(bytes, {
      filter: (file) => file.name === 'word/document.xml' || file.name === 'xl/workbook.xml',
    })
  } catch {
    throw notATemplate('the file is neither a DOCX nor an XLSX (not a ZIP package)')
  }
  const word = files['word/document.xml']
  if (word) return word
  if (files['xl/workbook.xml']) return 'xlsx'
  throw notATemplate('the file is neither a DOCX nor an XLSX')
}

/**
 * The rows of a filled-in template (DOCX: its first table with a heading row; XLSX: its first
 * sheet with one), by column. Invalid input (not a template) when none is found.
 */
export const readCommentTemplate = async (bytes: Uint8Array): Promise<TemplateRow[]> => {
  const found = packageOf(bytes)
  const tables = found === 'xlsx' ? await xlsxTables(bytes) : docxTables(found)
  for (const table of tables) {
    const rows = rowsUnderHeading(table)
    if (rows) return rows
  }
  throw notATemplate('no table has a heading row with a clause and a comment column')
}
