import { convertWithLibreOffice, listOutline, skipWithoutLibreOffice } from '@accord/test-support'
import { zipSync } from 'fflate'
import { beforeAll, describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'
import { text } from './testCorpus/hostileFiles.js'
import { listShape } from './testCorpus/readBack.js'
import { wordFile, wordParagraph } from './testCorpus/wordFile.js'

/** Ordered lists that start at another number than 1 keep it, from every format. */

describe('HTML and Markdown', () => {
  it('<ol start="4">, and an li with a value numbering on from it', () => {
    const doc = importFile(
      'start.html',
      text(
        '<h2>Статья 1. Общие</h2><ol start="4"><li>четыре</li><li>пять</li></ol>' +
          '<p>между</p><ol><li>один</li><li value="7">семь</li><li>восемь</li></ol>',
      ),
    )
    expect(listShape(doc.content)).toBe('ol4(четыре; пять) ol1(один) ol7(семь; восемь)')
  })

  it('a Markdown list that starts at 4', () => {
    const doc = importFile('start.md', text('## Статья 1. Общие\n\n4. четыре\n5. пять\n'))
    expect(listShape(doc.content)).toBe('ol4(четыре; пять)')
  })
})

const level = (ilvl: number, start: number) =>
  `<w:lvl w:ilvl="${ilvl}"><w:start w:val="${start}"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%${ilvl + 1}."/></w:lvl>`
const para = (t: string, numId?: string, ilvl = '0') =>
  wordParagraph(t, numId === undefined ? {} : { numId, ilvl })

describe('Word', () => {
  it("a level's w:start, counted on after a paragraph between; a w:startOverride starts again", () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${level(0, 4)}${level(1, 3)}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>' +
      '<w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>' +
      // A list that defines its level anew, starting at 10.
      `<w:num w:numId="3"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0">${level(0, 10)}</w:lvlOverride></w:num>`
    const doc = importFile(
      'start.docx',
      wordFile(
        para('Статья 1. Общие') +
          para('четыре', '1') +
          para('три', '1', '1') +
          para('пять', '1') +
          para('между') +
          para('шесть', '1') +
          para('один', '2') +
          para('два', '2') +
          para('десять', '3'),
        numbering,
      ),
    )
    expect(listShape(doc.content)).toBe(
      'ol4(четыре ol3(три); пять) ol6(шесть) ol1(один; два) ol10(десять)',
    )
  })
})

/** A minimal OpenDocument text of `body`, with the list styles `styles` (automatic styles). */
const odtFile = (styles: string, body: string): Uint8Array => {
  const ns =
    'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:xml="http://www.w3.org/XML/1998/namespace"'
  return zipSync({
    mimetype: text('application/vnd.oasis.opendocument.text'),
    'content.xml': text(
      `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${ns} office:version="1.3">` +
        `<office:automatic-styles>${styles}</office:automatic-styles>` +
        `<office:body><office:text>${body}</office:text></office:body></office:document-content>`,
    ),
  })
}

describe('ODT', () => {
  it("a list style's text:start-value, an item's, and a list that continues another", () => {
    const style =
      '<text:list-style style:name="L1"><text:list-level-style-number text:level="1" text:start-value="3" style:num-format="1" style:num-suffix="."/></text:list-style>'
    const item = (t: string, start?: number) =>
      `<text:list-item${start === undefined ? '' : ` text:start-value="${start}"`}><text:p>${t}</text:p></text:list-item>`
    const doc = importFile(
      'start.odt',
      odtFile(
        style,
        '<text:h text:outline-level="2">Статья 1. Общие</text:h>' +
          `<text:list xml:id="list1" text:style-name="L1">${item('три')}${item('четыре')}</text:list>` +
          '<text:p>между</text:p>' +
          `<text:list text:style-name="L1" text:continue-list="list1">${item('пять')}</text:list>` +
          '<text:p>между</text:p>' +
          `<text:list text:style-name="L1" text:continue-numbering="true">${item('шесть')}${item('двадцать', 20)}</text:list>`,
      ),
    )
    expect(listShape(doc.content)).toBe('ol3(три; четыре) ol5(пять) ol6(шесть) ol20(двадцать)')
  })
})

describe('saved by LibreOffice', () => {
  let saved: Record<string, Uint8Array> = {}
  const page = text(
    '<!DOCTYPE html><html lang="ru"><head><meta charset="utf-8"><title>Положение</title></head><body>' +
      '<h2>Статья 1. Общие</h2><ol start="4"><li>четыре</li><li>пять<ol start="3"><li>три</li></ol></li></ol>' +
      '</body></html>',
  )
  beforeAll(async () => {
    if (skipWithoutLibreOffice()) return
    // LibreOffice opens a page as a web page; saved as .docx first, it is a text document.
    saved = await convertWithLibreOffice({ 'page.html': page }, 'docx:MS Word 2007 XML')
    saved = { ...saved, ...(await convertWithLibreOffice(saved, 'odt')) }
  })

  for (const format of ['odt', 'docx'] as const)
    it.skipIf(skipWithoutLibreOffice())(`a page's <ol start="4"> saved as .${format}`, () => {
      const doc = importFile(`page.${format}`, saved[`page.${format}`] ?? new Uint8Array())
      expect(listOutline(doc.content)).toEqual(['4. четыре', '5. пять', '  3. три'])
    })
})
