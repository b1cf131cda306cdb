import { checkWellFormed, NOTES, pdfText, tableDocument, validateAkn } from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import MarkdownIt from 'markdown-it'
import markdownItFootnote from 'markdown-it-footnote'
import { describe, expect, it } from 'vitest'
import { meta } from '../test/sampleDocuments.js'
import { toAkomaNtoso } from './toAkomaNtoso.js'
import { toDocx } from './toDocx.js'
import { toHtml } from './toHtml.js'
import { toMarkdown } from './toMarkdown.js'
import { toOdt } from './toOdt.js'
import { toPdf } from './toPdf.js'

const parse = (markup: string, type: 'text/xml' | 'text/html' = 'text/xml') =>
  new DOMParser().parseFromString(markup, type)
const byName = (root: ReturnType<typeof parse>, name: string) =>
  [...root.querySelectorAll('*')].filter((el) => el.tagName === name)
const texts = (els: readonly Element[]) => els.map((el) => (el.textContent ?? '').trim())

describe('tables and footnotes in every export', () => {
  it('HTML: a real table with header cells and spans; numbered notes linked both ways', () => {
    const html = parse(toHtml(tableDocument(), meta()), 'text/html')
    const table = html.querySelector('table')
    expect(texts([...(table?.querySelectorAll('th') ?? [])])).toEqual([
      'Термин',
      'Значение',
      'Источник',
    ])
    expect(table?.querySelector('td[rowspan="2"]')?.textContent).toBe('Омбудсмен')
    expect(table?.querySelector('td[colspan="2"]')?.textContent).toBe('Уполномоченный по правам')
    const refs = [...html.querySelectorAll('a[role="doc-noteref"]')]
    expect(refs.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['1', '#fn-1'],
      ['2', '#fn-2'],
    ])
    const notes = [...html.querySelectorAll('section.footnotes li')]
    expect(notes.map((li) => [li.id, li.textContent?.replace('↩', '').trim()])).toEqual([
      ['fn-1', NOTES[0]],
      ['fn-2', NOTES[1]],
    ])
  })

  it('Markdown: a GFM table and GFM footnotes, read back by markdown-it', () => {
    const md = toMarkdown(tableDocument(), meta())
    expect(md).toContain('| Термин | Значение | Источник |')
    expect(md).toContain(`[^1]: ${NOTES[0]}`)
    const html = parse(new MarkdownIt().use(markdownItFootnote).render(md), 'text/html')
    const rows = [...html.querySelectorAll('table tr')].map((tr) =>
      texts([...tr.querySelectorAll('th, td')]),
    )
    // GFM has no merged cells: a merged cell's text stands in its first place.
    expect(rows).toEqual([
      ['Термин', 'Значение', 'Источник'],
      ['Омбудсмен', 'Уполномоченный по правам', ''],
      // markdown-it-footnote shows a note's mark as [n].
      ['', 'Город-участник', 'Устав[2]'],
    ])
    expect(
      texts([...html.querySelectorAll('.footnotes li')]).map((t) => t.replace('↩︎', '').trim()),
    ).toEqual(NOTES)
  })

  it('Akoma Ntoso: table and authorialNote, valid against the OASIS schema', () => {
    const xml = toAkomaNtoso(tableDocument(), meta())
    validateAkn(xml)
    const doc = parse(xml)
    const table = byName(doc, 'table')[0]
    expect(table?.getAttribute('eId')).toBe('table_1')
    expect(texts(byName(doc, 'th'))).toEqual(['Термин', 'Значение', 'Источник'])
    expect(
      byName(doc, 'td').map((td) => [td.getAttribute('rowspan'), td.getAttribute('colspan')]),
    ).toContainEqual(['2', null])
    expect(
      byName(doc, 'authorialNote').map((n) => [n.getAttribute('marker'), n.textContent]),
    ).toEqual([
      ['1', NOTES[0]],
      ['2', NOTES[1]],
    ])
  })

  it('DOCX: a w:tbl with a header row and merged cells; w:footnote notes referenced from the text', async () => {
    const files = unzipSync(await toDocx(tableDocument(), meta()))
    const documentXml = strFromU8(files['word/document.xml'] as Uint8Array)
    const footnotesXml = strFromU8(files['word/footnotes.xml'] as Uint8Array)
    checkWellFormed(documentXml)
    checkWellFormed(footnotesXml)
    const doc = parse(documentXml)
    const table = byName(doc, 'w:tbl')[0]
    expect(table).toBeDefined()
    // Only the first row repeats as a header (no value means on).
    expect(byName(doc, 'w:tblHeader').map((el) => el.getAttribute('w:val'))).toEqual([
      null,
      'off',
      'off',
    ])
    expect(byName(doc, 'w:gridSpan').map((el) => el.getAttribute('w:val'))).toEqual(['2'])
    expect(byName(doc, 'w:vMerge').map((el) => el.getAttribute('w:val') ?? 'continue')).toEqual([
      'restart',
      'continue',
    ])
    const refs = byName(doc, 'w:footnoteReference').map((el) => el.getAttribute('w:id'))
    expect(refs).toHaveLength(2)
    const notes = byName(parse(footnotesXml), 'w:footnote').filter((n) =>
      refs.includes(n.getAttribute('w:id')),
    )
    expect(texts(notes)).toEqual(NOTES)
  })

  it('ODT: a table:table with header rows, spans and covered cells; text:note footnotes', async () => {
    const files = unzipSync(await toOdt(tableDocument(), meta()))
    const content = strFromU8(files['content.xml'] as Uint8Array)
    checkWellFormed(content)
    const doc = parse(content)
    expect(byName(doc, 'table:table')).toHaveLength(1)
    expect(
      texts(byName(byName(doc, 'table:table-header-rows')[0] as Element, 'table:table-cell')),
    ).toEqual(['Термин', 'Значение', 'Источник'])
    expect(byName(doc, 'table:covered-table-cell')).toHaveLength(2)
    const notes = byName(doc, 'text:note')
    expect(notes.map((n) => n.getAttribute('text:note-class'))).toEqual(['footnote', 'footnote'])
    expect(notes.map((n) => texts(byName(n, 'text:note-body'))[0])).toEqual(NOTES)
  })

  it('PDF: the cells in a grid and the notes after the text', async () => {
    const text = pdfText(await toPdf(tableDocument(), meta())).replace(/\s+/g, ' ')
    for (const word of [
      'Термин',
      'Значение',
      'Источник',
      'Омбудсмен',
      'Уполномоченный по правам',
      'Город-участник',
    ])
      expect(text).toContain(word)
    expect(text).toContain('Термины¹ применяются так')
    expect(text).toContain(`1 ${NOTES[0]}`)
    expect(text).toContain(`2 ${NOTES[1]}`)
  })
})
