import {
  convertWithLibreOffice,
  pdfLayoutText,
  STARTED_OUTLINE,
  skipWithoutLibreOffice,
  startedListDocument,
  validateAkn,
  xpathString,
} from '@accord/test-support'
import { DOMParser } from 'linkedom'
import { describe, expect, it } from 'vitest'
import { exportDocument } from './exportDocument.js'

const meta = {
  documentId: 'd1',
  title: 'Положение',
  language: 'ru' as const,
  clauseLabel: 'article' as const,
  date: new Date('2024-04-01T00:00:00Z'),
}

const exported = async (format: 'docx' | 'odt' | 'pdf' | 'html' | 'md' | 'akn') =>
  (await exportDocument(format, startedListDocument(), meta)).bytes
const decoded = async (format: 'html' | 'md' | 'akn') =>
  new TextDecoder().decode(await exported(format))

/** The numbered lines of a text export (not the article's own), each indentation a level deeper. */
const numberedLines = (text: string): string[] => {
  const lines = text
    .split('\n')
    .map((line) => /^(\s*)(\d+\.)\s+(\S.*?)\s*$/u.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !/^Статья/.test(m[3] ?? ''))
  const indents = [...new Set(lines.map((m) => m[1]?.length ?? 0))].sort((a, b) => a - b)
  return lines.map((m) => `${'  '.repeat(indents.indexOf(m[1]?.length ?? 0))}${m[2]} ${m[3]}`)
}

describe('an ordered list that starts at 4, holding one that starts at 3, in every export', () => {
  it('Markdown: the items numbered 4, 5 and 3, 4', async () => {
    expect(numberedLines(await decoded('md'))).toEqual(STARTED_OUTLINE)
  })

  it('HTML: ol start="4", ol start="3"', async () => {
    const page = new DOMParser().parseFromString(await decoded('html'), 'text/html')
    expect([...page.querySelectorAll('ol')].map((ol) => ol.getAttribute('start'))).toEqual([
      '4',
      '3',
    ])
  })

  it('Akoma Ntoso: each li says its number, valid against the OASIS schema', async () => {
    const xml = await decoded('akn')
    validateAkn(xml)
    const li = "*[local-name()='ol']/*[local-name()='li']"
    expect(xpathString(xml, `string(//${li}[1]/@value)`)).toBe('4')
    expect(xpathString(xml, `string(//${li}/${li}[2]/@value)`)).toBe('4')
    expect(xpathString(xml, `string(//${li}/${li}[1]/@value)`)).toBe('3')
  })

  it('PDF: the numbers as the list counts them', async () => {
    expect(numberedLines(pdfLayoutText(await exported('pdf')))).toEqual(STARTED_OUTLINE)
  })

  it.skipIf(skipWithoutLibreOffice())(
    'DOCX and ODT: LibreOffice numbers the items 4, 5 and 3, 4',
    async () => {
      const texts = await convertWithLibreOffice(
        { 'list.docx': await exported('docx'), 'list2.odt': await exported('odt') },
        'txt:Text',
      )
      for (const name of ['list.txt', 'list2.txt'])
        expect(numberedLines(new TextDecoder().decode(texts[name])), name).toEqual(STARTED_OUTLINE)
    },
  )
})
