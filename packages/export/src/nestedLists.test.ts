import {
  convertWithLibreOffice,
  exportMeta,
  NESTED_OUTLINE,
  nestedListDocument,
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

const meta = exportMeta()

const exported = async (
  format: 'docx' | 'odt' | 'pdf' | 'html' | 'md' | 'akn',
  document = nestedListDocument(),
) => (await exportDocument(format, document, meta)).bytes
const decoded = async (format: 'html' | 'md' | 'akn', document = nestedListDocument()) =>
  new TextDecoder().decode(await exported(format, document))

/** The lines of a text export that hold the list's items, as `[indentation, marker, text]`. */
const listLines = (text: string): [number, string, string][] =>
  text
    .split('\n')
    .map((line) => /^(\s*)([•▪◦*-]|\d+\.)\s+(\S.*?)\s*$/u.exec(line))
    .filter((m): m is RegExpExecArray => m !== null && !/^Статья/.test(m[3] ?? ''))
    .map((m) => [m[1]?.length ?? 0, m[2] ?? '', m[3] ?? ''])

/** Lines as NESTED_OUTLINE writes them, each distinct indentation one level deeper. */
const asOutline = (lines: [number, string, string][]): string[] => {
  const indents = [...new Set(lines.map(([indent]) => indent))].sort((a, b) => a - b)
  return lines.map(
    ([indent, marker, text]) =>
      `${'  '.repeat(indents.indexOf(indent))}${/\d/.test(marker) ? marker : '•'} ${text}`,
  )
}

describe('a list three levels deep, bullets around numbers around bullets, in every export', () => {
  it('Markdown: nested by indentation, "*" and "1."', async () => {
    expect(asOutline(listLines(await decoded('md')))).toEqual(NESTED_OUTLINE)
  })

  it('HTML: ul > li > ol > li > ul', async () => {
    const page = new DOMParser().parseFromString(await decoded('html'), 'text/html')
    const deepest = [...page.querySelectorAll('ul > li > ol > li > ul > li')].map((li) =>
      li.textContent?.trim(),
    )
    expect(deepest).toEqual(['в рабочее время', 'по запросу'])
    expect(page.querySelectorAll('ul > li > ol > li').length).toBe(3)
  })

  it('Akoma Ntoso: nested ul/ol, valid against the OASIS schema', async () => {
    const xml = await decoded('akn')
    validateAkn(xml)
    const path = ['ul', 'li', 'ol', 'li', 'ul', 'li'].map((n) => `*[local-name()='${n}']`)
    expect(xpathString(xml, `//${path.join('/')}[2]`)).toBe('по запросу')
    expect(xpathString(xml, `count(//${path.slice(0, 4).join('/')})`)).toBe('3')
  })

  it('PDF: each level indented further, with its bullet or number', async () => {
    expect(asOutline(listLines(pdfLayoutText(await exported('pdf'))))).toEqual(NESTED_OUTLINE)
  })

  it.skipIf(skipWithoutLibreOffice())(
    'DOCX and ODT: LibreOffice shows each level indented further, with its bullet or number',
    async () => {
      const texts = await convertWithLibreOffice(
        { 'list.docx': await exported('docx'), 'list2.odt': await exported('odt') },
        'txt:Text',
      )
      for (const name of ['list.txt', 'list2.txt']) {
        const text = new TextDecoder().decode(texts[name])
        expect(asOutline(listLines(text)), name).toEqual(NESTED_OUTLINE)
      }
    },
  )
})

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
  const started = startedListDocument()
  it('Markdown: the items numbered 4, 5 and 3, 4', async () => {
    expect(numberedLines(await decoded('md', started))).toEqual(STARTED_OUTLINE)
  })

  it('HTML: ol start="4", ol start="3"', async () => {
    const page = new DOMParser().parseFromString(await decoded('html', started), 'text/html')
    expect([...page.querySelectorAll('ol')].map((ol) => ol.getAttribute('start'))).toEqual([
      '4',
      '3',
    ])
  })

  it('Akoma Ntoso: each li says its number, valid against the OASIS schema', async () => {
    const xml = await decoded('akn', started)
    validateAkn(xml)
    const li = "*[local-name()='ol']/*[local-name()='li']"
    expect(xpathString(xml, `string(//${li}[1]/@value)`)).toBe('4')
    expect(xpathString(xml, `string(//${li}/${li}[2]/@value)`)).toBe('4')
    expect(xpathString(xml, `string(//${li}/${li}[1]/@value)`)).toBe('3')
  })

  it('PDF: the numbers as the list counts them', async () => {
    expect(numberedLines(pdfLayoutText(await exported('pdf', started)))).toEqual(STARTED_OUTLINE)
  })

  it.skipIf(skipWithoutLibreOffice())(
    'DOCX and ODT: LibreOffice numbers the items 4, 5 and 3, 4',
    async () => {
      const texts = await convertWithLibreOffice(
        {
          'list.docx': await exported('docx', started),
          'list2.odt': await exported('odt', started),
        },
        'txt:Text',
      )
      for (const name of ['list.txt', 'list2.txt'])
        expect(numberedLines(new TextDecoder().decode(texts[name])), name).toEqual(STARTED_OUTLINE)
    },
  )
})
