import { exportDocument } from '@accord/export'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'

const text = (t: string) => ({ type: 'text', text: t })
const cell = (
  t: string,
  type = 'tableCell',
  attrs: { colspan?: number; rowspan?: number } = {},
) => ({
  type,
  attrs: { colspan: 1, rowspan: 1, ...attrs },
  content: [{ type: 'paragraph', content: [text(t)] }],
})

/** A clause with a footnote and a table: a header row, a cell over two columns, one over two rows. */
const original: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'defs' },
      content: [
        { type: 'clauseHeading', content: [text('Определения')] },
        {
          type: 'paragraph',
          content: [text('Термины'), { type: 'footnote', content: [text('Как в уставе.')] }],
        },
        {
          type: 'table',
          content: [
            {
              type: 'tableRow',
              content: [
                cell('Термин', 'tableHeader'),
                cell('Значение', 'tableHeader'),
                cell('Источник', 'tableHeader'),
              ],
            },
            {
              type: 'tableRow',
              content: [
                cell('Омбудсмен', 'tableCell', { rowspan: 2 }),
                cell('Уполномоченный', 'tableCell', { colspan: 2 }),
              ],
            },
            { type: 'tableRow', content: [cell('Город'), cell('Устав')] },
          ],
        },
      ],
    },
  ],
}

/** Each cell as type, spans and text, row by row. */
const cellsOf = (doc: JSONContent): string[][] => {
  const found: JSONContent[] = []
  const walk = (node: JSONContent) => {
    if (node.type === 'table') found.push(node)
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return (found[0]?.content ?? []).map((row) =>
    (row.content ?? []).map(
      (c) =>
        `${c.type} ${c.attrs?.colspan}x${c.attrs?.rowspan} ${(c.content ?? []).map((p) => (p.content ?? []).map((t) => t.text).join('')).join(' ')}`,
    ),
  )
}

const footnotesOf = (doc: JSONContent): string[] => {
  const found: string[] = []
  const walk = (node: JSONContent) => {
    if (node.type === 'footnote') found.push((node.content ?? []).map((t) => t.text).join(''))
    for (const child of node.content ?? []) walk(child)
  }
  walk(doc)
  return found
}

describe("Accord's own tables and footnotes, exported and imported again", () => {
  const meta = {
    documentId: 'd1',
    title: 'Положение',
    language: 'ru' as const,
    clauseLabel: 'article' as const,
    date: new Date('2024-04-01T00:00:00Z'),
  }
  const expected = [
    ['tableHeader 1x1 Термин', 'tableHeader 1x1 Значение', 'tableHeader 1x1 Источник'],
    ['tableCell 1x2 Омбудсмен', 'tableCell 2x1 Уполномоченный'],
    ['tableCell 1x1 Город', 'tableCell 1x1 Устав'],
  ]

  for (const format of ['docx', 'odt', 'html'] as const)
    it(`${format}: header row, merged cells and the footnote come back as they were`, async () => {
      const exported = await exportDocument(format, original, meta)
      const again = importFile(exported.fileName, exported.bytes)
      expect(cellsOf(again.content)).toEqual(expected)
      expect(footnotesOf(again.content)).toEqual(['Как в уставе.'])
      expect(again.report).toMatchObject({ tables: 1, footnotes: 1, warnings: [] })
    })

  it('md: GFM has no merged cells, so the table comes back with its header row and empty places', async () => {
    const exported = await exportDocument('md', original, meta)
    const again = importFile(exported.fileName, exported.bytes)
    expect(cellsOf(again.content)).toEqual([
      ['tableHeader 1x1 Термин', 'tableHeader 1x1 Значение', 'tableHeader 1x1 Источник'],
      ['tableCell 1x1 Омбудсмен', 'tableCell 1x1 Уполномоченный', 'tableCell 1x1 '],
      ['tableCell 1x1 ', 'tableCell 1x1 Город', 'tableCell 1x1 Устав'],
    ])
    expect(footnotesOf(again.content)).toEqual(['Как в уставе.'])
  })
})
