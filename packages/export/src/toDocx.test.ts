import { checkWellFormed } from '@accord/test-support'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import {
  BOLD,
  ITALIC,
  meta,
  PRINCIPLES,
  richDeclaration,
  SUBCLAUSE_HEADING,
  sampleDocument,
} from '../test/sampleDocuments.js'
import { toDocx } from './toDocx.js'

/** The text of each paragraph of a WordprocessingML part, with its style. */
const paragraphs = (xml: string) =>
  [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p)?.[1] ?? null,
    text: [...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
    xml: p,
  }))

describe('toDocx', () => {
  it('holds the title, clause headings as Word headings, Cyrillic text, lists and formatting', async () => {
    const files = unzipSync(await toDocx(richDeclaration(), meta()))
    const documentXml = strFromU8(files['word/document.xml'] ?? new Uint8Array())
    checkWellFormed(documentXml)
    const paras = paragraphs(documentXml)
    expect(paras[0]).toMatchObject({
      style: 'Title',
      text: 'Декларация Коалиции городов за цифровые права',
    })
    expect(paras.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(
      PRINCIPLES.map((heading, i) => `Статья ${i + 1}. ${heading}`),
    )
    expect(paras.filter((p) => p.style === 'Heading2').map((p) => p.text)).toEqual([
      `Статья 1.1. ${SUBCLAUSE_HEADING}`,
    ])
    expect(paras.some((p) => p.text.startsWith('Мы, нижеподписавшиеся города'))).toBe(true)
    const bold = paras.flatMap((p) =>
      [...p.xml.matchAll(/<w:r>(?:(?!<\/w:r>).)*?<w:b\/>.*?<w:t[^>]*>([^<]*)<\/w:t>/gs)].map(
        (m) => m[1],
      ),
    )
    expect(bold).toContain(BOLD)
    expect(documentXml).toMatch(new RegExp(`<w:i/>.*?<w:t[^>]*>${ITALIC}</w:t>`, 's'))
    const numbering = strFromU8(files['word/numbering.xml'] ?? new Uint8Array())
    expect(numbering).toContain('<w:start w:val="3"/>')
    expect(paras.filter((p) => p.xml.includes('<w:numPr>')).map((p) => p.text)).toEqual([
      'доступ к сети',
      'цифровая грамотность',
      'публичные консультации',
      'открытые данные',
    ])
  })

  it('has A4 pages, page numbers in the footer, the document language and properties', async () => {
    const files = unzipSync(
      await toDocx(sampleDocument('resolution'), meta({ title: 'Резолюция & <b>' })),
    )
    const documentXml = strFromU8(files['word/document.xml'] ?? new Uint8Array())
    expect(documentXml).toContain('<w:pgSz w:w="11906" w:h="16838"')
    const footer = Object.entries(files).find(([name]) => /^word\/footer\d*\.xml$/.test(name))
    expect(strFromU8(footer?.[1] ?? new Uint8Array())).toContain('PAGE')
    expect(strFromU8(files['word/styles.xml'] ?? new Uint8Array())).toContain('w:val="ru-RU"')
    const core = strFromU8(files['docProps/core.xml'] ?? new Uint8Array())
    expect(core).toContain('<dc:title>Резолюция &amp; &lt;b&gt;</dc:title>')
    checkWellFormed(core)
  })
})
