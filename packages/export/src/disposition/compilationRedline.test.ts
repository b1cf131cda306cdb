import type { Compilation, CompilationRow } from '@accord/protocol'
import ExcelJS, { type CellRichTextValue } from 'exceljs'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { compilationToCsv } from './compilationToCsv.js'
import { compilationToDocx } from './compilationToDocx.js'
import { compilationToXlsx } from './compilationToXlsx.js'

const row: CompilationRow = {
  source: 'comment',
  id: 't1',
  clauseId: 'scope',
  clauseNumber: '1',
  paragraph: 'The rules apply',
  author: 'Мария',
  organization: 'Город',
  type: 'editorial',
  comment: 'Точнее',
  proposedChange: 'The regulations apply\nto all',
  redline: [
    { type: 'equal', text: 'The ' },
    { type: 'delete', text: 'rules' },
    { type: 'insert', text: 'regulations' },
    { type: 'equal', text: ' apply' },
    { type: 'insert', text: '\nto all' },
  ],
  decision: null,
  reason: '',
}
const compilation: Compilation = {
  document: { id: 'd', title: 'Правила' },
  generatedAt: '2026-05-04T09:00:00.000Z',
  rows: [row, { ...row, id: 't2', proposedChange: 'Plain words', redline: null }],
  summary: [],
  rounds: [],
}

/** The runs of a DOCX's body: their text and whether they are struck or underlined. */
const runsOf = (xml: string) =>
  [...xml.matchAll(/<w:r>(.*?)<\/w:r>/g)].map(([, run = '']) => ({
    text: [...run.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    struck: run.includes('<w:strike/>'),
    underlined: /<w:u w:val="single"\/>/.test(run),
  }))

describe('the redline of a proposed change in the compilation files', () => {
  it('DOCX: deleted words struck, inserted ones underlined, a line break a new paragraph', async () => {
    const xml = strFromU8(
      unzipSync(await compilationToDocx(compilation, 'en'))['word/document.xml'] ??
        new Uint8Array(),
    )
    const runs = runsOf(xml)
    expect(runs).toContainEqual({ text: 'rules', struck: true, underlined: false })
    expect(runs).toContainEqual({ text: 'regulations', struck: false, underlined: true })
    expect(runs).toContainEqual({ text: 'to all', struck: false, underlined: true })
    expect(runs).toContainEqual({ text: ' apply', struck: false, underlined: false })
    // Formatting, not tracked revisions: accepting all changes must not rewrite the record.
    expect(xml).not.toMatch(/<w:(ins|del) /)
    // A row without a redline keeps its plain proposed change.
    expect(runs).toContainEqual({ text: 'Plain words', struck: false, underlined: false })
  })

  it('XLSX: the proposed change cell is rich text, struck and underlined', async () => {
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(
      (await compilationToXlsx(compilation, 'ru')).buffer as unknown as ArrayBuffer,
    )
    const sheet = workbook.worksheets[0]
    const value = sheet?.getRow(2).getCell(7).value as CellRichTextValue
    expect(
      value.richText.map((part) => [part.text, !!part.font?.strike, !!part.font?.underline]),
    ).toEqual([
      ['The ', false, false],
      ['rules', true, false],
      ['regulations', false, true],
      [' apply', false, false],
      ['\nto all', false, true],
    ])
    expect(sheet?.getRow(3).getCell(7).value).toBe('Plain words')
  })

  it('CSV: the proposed change as proposed, without the struck words', () => {
    const csv = new TextDecoder().decode(compilationToCsv(compilation, 'en'))
    expect(csv).toContain('"The regulations apply\nto all"')
    expect(csv).not.toContain('rulesregulations')
  })
})
