import type { Compilation, CompilationRow } from '@accord/protocol'
import { strFromU8, unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { compilationToDocx } from './compilationToDocx.js'

const row = (over: Partial<CompilationRow>): CompilationRow => ({
  source: 'comment',
  id: 't',
  clauseId: 'c1',
  clauseNumber: '1',
  paragraph: '',
  author: 'Anna',
  organization: '',
  type: 'technical',
  comment: '',
  proposedChange: '',
  decision: null,
  reason: '',
  ...over,
})

const compilation = (rows: CompilationRow[]): Compilation => ({
  document: { id: 'd', title: 'Rules' },
  generatedAt: '2026-11-29T00:00:00.000Z',
  rows,
  summary: {} as Compilation['summary'],
})

/** Each row's cells, each cell's paragraphs' texts joined by '|', as Word reads them. */
const rowsOf = async (file: Compilation) => {
  const xml = strFromU8(
    unzipSync(await compilationToDocx(file, 'en'))['word/document.xml'] as Uint8Array,
  )
  const rows = [...xml.matchAll(/<w:tr>(.*?)<\/w:tr>/g)].map((m) => m[1] ?? '')
  return {
    xml,
    cells: rows.map((r) =>
      [...r.matchAll(/<w:tc>(.*?)<\/w:tc>/g)].map((c) =>
        [...(c[1] ?? '').matchAll(/<w:p>(.*?)<\/w:p>/g)]
          .map((p) =>
            [...(p[1] ?? '').matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(''),
          )
          .join('|'),
      ),
    ),
  }
}

describe('the compilation of comments as DOCX', () => {
  it('writes a row of nine cells per comment, a paragraph per line, the text escaped', async () => {
    const { cells, xml } = await rowsOf(
      compilation([
        row({ comment: 'First <b>&amp;</b> "quoted"\nsecond line\n\nafter a blank', reason: 'x' }),
        row({ source: 'suggestion', clauseId: null, clauseNumber: null, proposedChange: 'new' }),
      ]),
    )
    expect(cells).toHaveLength(3)
    expect(cells[0]?.[0]).toBe('MB/Organization')
    expect(cells[1]).toEqual([
      '',
      'Anna',
      '1',
      '',
      'te',
      'First &lt;b&gt;&amp;amp;&lt;/b&gt; &quot;quoted&quot;|second line||after a blank',
      '',
      '',
      'x',
    ])
    expect(cells[2]?.slice(2, 7)).toEqual([
      'General',
      '',
      'te',
      'Suggested change in the text',
      'new',
    ])
    // The heading row repeats on every page and is bold; every cell has its column's width.
    expect(xml).toContain('<w:tr><w:trPr><w:tblHeader/></w:trPr>')
    expect(xml.match(/<w:tcW w:type="dxa" w:w="\d+"\/>/g)).toHaveLength(27)
    expect(xml.match(/<w:b\/>/g)).toHaveLength(9)
  })
})
