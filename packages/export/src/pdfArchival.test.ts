import {
  checkWellFormed,
  pdfFonts,
  pdfInfo,
  pdfMeta,
  pdfObjects,
  qpdfCheck,
  tableDocument,
} from '@accord/test-support'
import { describe, expect, it } from 'vitest'
import { meta, PRINCIPLES, richDeclaration } from '../test/sampleDocuments.js'
import { toPdf } from './toPdf.js'

type Dict = Record<string, unknown>

/** Reads a PDF's objects as qpdf gives them, following `N 0 R` references. */
const reader = (pdf: Uint8Array) => {
  const objects = pdfObjects(pdf)
  const get = (ref: unknown): Dict => {
    const value = typeof ref === 'string' ? objects[`obj:${ref}`]?.value : ref
    return (value ?? {}) as Dict
  }
  const trailer = objects.trailer?.value as Dict
  return { get, trailer, root: get(trailer['/Root']) }
}

/** The structure tree as nested [type, children] down from the StructTreeRoot. */
interface Node {
  type: string
  children: Node[]
}
const structureTree = (pdf: Uint8Array): Node[] => {
  const { get, root } = reader(pdf)
  const node = (ref: unknown): Node[] => {
    const element = get(ref)
    if (typeof element['/S'] !== 'string') return []
    const kids = element['/K']
    const list = Array.isArray(kids) ? kids : [kids]
    return [
      {
        type: (element['/S'] as string).slice(1),
        children: list.filter((k) => typeof k === 'string' && k.endsWith(' R')).flatMap(node),
      },
    ]
  }
  const tree = get(root['/StructTreeRoot'])['/K']
  return (Array.isArray(tree) ? tree : [tree]).flatMap(node)
}

describe('the PDF is archival (PDF/A-2b) and tagged', () => {
  const title = 'Декларация & <права>'
  const pdf = toPdf(richDeclaration(), meta({ title }))

  it('passes qpdf --check; PDF 1.7, not encrypted, every font embedded', async () => {
    const bytes = await pdf
    expect(qpdfCheck(bytes)).toContain('No syntax or stream encoding errors')
    const info = pdfInfo(bytes)
    expect(info).toMatch(/PDF version:\s+1\.7/)
    expect(info).toMatch(/Encrypted:\s+no/)
    expect(info).toMatch(/JavaScript:\s+no/)
    expect(info).toMatch(/Form:\s+none/)
    const fonts = pdfFonts(bytes).split('\n').slice(2).filter(Boolean)
    expect(fonts.length).toBeGreaterThan(0)
    for (const font of fonts) expect(font).toMatch(/\s+yes\s+yes\s+yes\s+\d+\s+0$/)
  })

  it('identifies itself as PDF/A-2b in well-formed XMP that agrees with the document information', async () => {
    const bytes = await pdf
    const xmp = pdfMeta(bytes)
    checkWellFormed(xmp)
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>')
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>')
    // The title as written (escaped once in XML), and the same in the information dictionary.
    expect(xmp).toContain('Декларация &amp; &lt;права&gt;')
    expect(pdfInfo(bytes)).toMatch(/Title:\s+Декларация & <права>/)
    expect(xmp).toContain('<xmp:CreateDate>2024-10-09T12:00:00Z</xmp:CreateDate>')
  })

  it('has the sRGB output intent, a file identifier, the language, and shows its title', async () => {
    const { get, trailer, root } = reader(await pdf)
    const [intentRef] = root['/OutputIntents'] as string[]
    const intent = get(intentRef)
    expect(intent['/S']).toBe('/GTS_PDFA1')
    expect(intent['/OutputConditionIdentifier']).toBe('u:sRGB IEC61966-2.1')
    expect(intent['/DestOutputProfile']).toMatch(/ R$/)
    expect(trailer['/ID']).toHaveLength(2)
    expect(root['/Lang']).toBe('u:ru-RU')
    expect(get(root['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true)
    expect(get(root['/MarkInfo'])['/Marked']).toBe(true)
    expect(pdfInfo(await pdf)).toMatch(/Tagged:\s+yes/)
  })

  it('its structure tree has the title, one article per clause with its heading, sections, lists', async () => {
    const [document] = structureTree(await pdf)
    expect(document?.type).toBe('Document')
    const top = document?.children ?? []
    expect(top[0]?.type).toBe('H1')
    const articles = top.filter((n) => n.type === 'Art')
    expect(articles).toHaveLength(PRINCIPLES.length)
    for (const article of articles) expect(article.children[0]?.type).toBe('H2')
    const first = articles[0]?.children ?? []
    expect(first.map((n) => n.type)).toEqual(expect.arrayContaining(['P', 'L', 'Sect']))
    const sub = first.find((n) => n.type === 'Sect')
    expect(sub?.children[0]?.type).toBe('H3')
    const list = first.find((n) => n.type === 'L')
    expect(list?.children[0]?.children.map((n) => n.type)).toEqual(['Lbl', 'LBody'])
    expect(articles[1]?.children.map((n) => n.type)).toContain('BlockQuote')
  })

  it('tags a table as Table, rows and header and data cells, with its rules as artifacts', async () => {
    const bytes = await toPdf(tableDocument(), meta())
    expect(qpdfCheck(bytes)).toContain('No syntax or stream encoding errors')
    const all: Node[] = []
    const walk = (nodes: Node[]) => {
      for (const n of nodes) {
        all.push(n)
        walk(n.children)
      }
    }
    walk(structureTree(bytes))
    const table = all.find((n) => n.type === 'Table')
    expect(table?.children.every((row) => row.type === 'TR')).toBe(true)
    const cells = (table?.children ?? []).flatMap((row) => row.children.map((cell) => cell.type))
    expect(cells).toContain('TH')
    expect(cells).toContain('TD')
    expect(cells.every((type) => type === 'TH' || type === 'TD')).toBe(true)
  })
})
