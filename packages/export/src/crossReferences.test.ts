import {
  checkWellFormed,
  convertFileWithLibreOffice,
  pdfObjects,
  pdfText,
  skipWithoutLibreOffice,
  validateAkn,
} from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { DOMParser } from 'linkedom'
import MarkdownIt from 'markdown-it'
import { describe, expect, it } from 'vitest'
import { REFERRED_ID, referenceDocument } from '../test/referenceDocument.js'
import { meta } from '../test/sampleDocuments.js'
import { docxBookmarkName } from './docx/docxBookmarkName.js'
import { exportModel } from './model/exportModel.js'
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

describe('cross-references in every export', () => {
  it('are labelled from the numbers of the exported text; a deleted clause reads “?”', () => {
    const model = exportModel(referenceDocument(), meta({ language: 'en', clauseLabel: 'clause' }))
    const first = model.body[0]
    const runs = first?.type === 'clause' ? first.children[0] : undefined
    expect(runs?.type === 'paragraph' && runs.inlines.map((i) => i.kind === 'text' && i)).toEqual(
      expect.arrayContaining([
        { kind: 'text', text: 'Clause 2', marks: { ref: REFERRED_ID } },
        { kind: 'text', text: 'Clause 2.1', marks: { ref: 'cdefined' } },
        // Gone: the label stays, the link goes.
        { kind: 'text', text: 'Clause ?', marks: {} },
      ]),
    )
  })

  it('HTML: links to the clause’s section', () => {
    const html = parse(toHtml(referenceDocument(), meta()), 'text/html')
    const links = [...html.querySelectorAll('a.clause-ref')]
    expect(links.map((a) => [a.textContent, a.getAttribute('href')])).toEqual([
      ['Статья 2', `#clause-${REFERRED_ID}`],
      ['Статья 2.1', '#clause-cdefined'],
      ['Статья 1', '#clause-cscope'],
    ])
    for (const link of links)
      expect(html.getElementById(link.getAttribute('href')?.slice(1) ?? '')).not.toBeNull()
    expect(html.querySelector('main')?.textContent).toContain('утратила силу Статья ?.')
  })

  it('Markdown: links to an anchor in the clause’s heading, read back by markdown-it', () => {
    const md = toMarkdown(referenceDocument(), meta())
    expect(md).toContain(`[Статья 2](#clause-${REFERRED_ID})`)
    const html = parse(new MarkdownIt({ html: true }).render(md), 'text/html')
    const links = [...html.querySelectorAll('a[href^="#clause-"]')]
    expect(links.map((a) => a.textContent)).toEqual(['Статья 2', 'Статья 2.1', 'Статья 1'])
    for (const link of links) {
      const target = html.getElementById(link.getAttribute('href')?.slice(1) ?? '')
      expect(target?.parentElement?.tagName).toMatch(/^H[23]$/)
    }
  })

  it('Akoma Ntoso: a ref to the eId of the article or paragraph, valid against the OASIS schema', () => {
    const xml = toAkomaNtoso(referenceDocument(), meta())
    validateAkn(xml)
    const doc = parse(xml)
    const refs = byName(doc, 'ref')
    expect(refs.map((r) => [r.textContent, r.getAttribute('href')])).toEqual([
      ['Статья 2', '#art_2'],
      ['Статья 2.1', '#art_2__para_2'],
      ['Статья 1', '#art_1'],
    ])
    const eIds = new Set([...doc.querySelectorAll('*')].map((el) => el.getAttribute('eId')))
    for (const ref of refs) expect(eIds).toContain(ref.getAttribute('href')?.slice(1))
  })

  it('DOCX: a bookmark on each clause heading and w:hyperlink w:anchor to it', async () => {
    const files = unzipSync(await toDocx(referenceDocument(), meta()))
    const xml = strFromU8(files['word/document.xml'] as Uint8Array)
    const notes = strFromU8(files['word/footnotes.xml'] as Uint8Array)
    checkWellFormed(xml)
    const bookmarks = byName(parse(xml), 'w:bookmarkStart').map((b) => b.getAttribute('w:name'))
    expect(bookmarks).toEqual(['clause_cscope', docxBookmarkName(REFERRED_ID), 'clause_cdefined'])
    // The id has dashes: hashed into a name Word takes (letters, digits, _; 40 at most).
    expect(docxBookmarkName(REFERRED_ID)).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/)
    const links = [...byName(parse(xml), 'w:hyperlink'), ...byName(parse(notes), 'w:hyperlink')]
    expect(links.map((l) => [l.getAttribute('w:anchor'), l.textContent])).toEqual([
      [docxBookmarkName(REFERRED_ID), 'Статья 2'],
      ['clause_cdefined', 'Статья 2.1'],
      ['clause_cscope', 'Статья 1'],
    ])
  })

  it('ODT: a text:bookmark-ref to the bookmark on each clause label', async () => {
    const files = unzipSync(await toOdt(referenceDocument(), meta()))
    const content = strFromU8(files['content.xml'] as Uint8Array)
    checkWellFormed(content)
    const doc = parse(content)
    expect(
      byName(doc, 'text:bookmark-start').map((b) => [
        b.getAttribute('text:name'),
        b.parentElement?.tagName,
      ]),
    ).toEqual([
      ['clause-cscope', 'text:h'],
      [`clause-${REFERRED_ID}`, 'text:h'],
      ['clause-cdefined', 'text:h'],
    ])
    expect(
      byName(doc, 'text:bookmark-ref').map((r) => [r.getAttribute('text:ref-name'), r.textContent]),
    ).toEqual([
      [`clause-${REFERRED_ID}`, 'Статья 2'],
      ['clause-cdefined', 'Статья 2.1'],
      ['clause-cscope', 'Статья 1'],
    ])
  })

  it('PDF: the labels, each a link annotation to a named destination at its clause', async () => {
    const pdf = await toPdf(referenceDocument(), meta())
    const text = pdfText(pdf).replace(/\s+/g, ' ')
    expect(text).toContain('См. Статья 2 и Статья 2.1; утратила силу Статья ?.')
    const objects = JSON.stringify(pdfObjects(pdf))
    expect(objects.match(/\/Link/g)).toHaveLength(3)
    for (const id of ['cscope', REFERRED_ID, 'cdefined']) expect(objects).toContain(`clause-${id}`)
  })
})

describe.skipIf(skipWithoutLibreOffice())('LibreOffice opens the cross-references', () => {
  it('of the DOCX: bookmarks kept, the links go to them', async () => {
    const odt = await convertFileWithLibreOffice(
      'refs.docx',
      await toDocx(referenceDocument(), meta()),
      'odt',
    )
    const content = parse(strFromU8(unzipSync(odt)['content.xml'] as Uint8Array))
    const names = [...content.querySelectorAll('*')]
      .filter((el) => el.tagName.startsWith('text:bookmark'))
      .map((el) => el.getAttribute('text:name'))
    expect(names).toContain(docxBookmarkName(REFERRED_ID))
    const hrefs = byName(content, 'text:a').map((a) => a.getAttribute('xlink:href'))
    expect(hrefs).toContain(`#${docxBookmarkName(REFERRED_ID)}`)
    expect(hrefs).toContain('#clause_cdefined')
  }, 240_000)

  it('of the ODT: the references print as their labels', async () => {
    const pdf = await convertFileWithLibreOffice(
      'refs.odt',
      await toOdt(referenceDocument(), meta()),
      'pdf',
    )
    const text = pdfText(pdf).replace(/\s+/g, ' ')
    expect(text).toContain('См. Статья 2')
    expect(text).toContain('Статья 2.1')
    expect(text).toContain('утратила силу Статья ?')
  }, 240_000)
})
