import { exportDocument } from '@accord/export'
import { exportMeta, NOTES, tableDocument } from '@accord/test-support'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { importFile } from './importFile.js'

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
  const meta = exportMeta()
  const expected = [
    ['tableHeader 1x1 Термин', 'tableHeader 1x1 Значение', 'tableHeader 1x1 Источник'],
    ['tableCell 1x2 Омбудсмен', 'tableCell 2x1 Уполномоченный по правам'],
    ['tableCell 1x1 Город-участник', 'tableCell 1x1 Устав'],
  ]

  for (const format of ['docx', 'odt', 'html'] as const)
    it(`${format}: header row, merged cells and both footnotes (one in a cell) come back as they were`, async () => {
      const exported = await exportDocument(format, tableDocument(), meta)
      const again = importFile(exported.fileName, exported.bytes)
      expect(cellsOf(again.content)).toEqual(expected)
      expect(footnotesOf(again.content)).toEqual(NOTES)
      expect(again.report).toMatchObject({ tables: 1, footnotes: 2, warnings: [] })
    })

  it('md: GFM has no merged cells, so the table comes back with its header row and empty places', async () => {
    const exported = await exportDocument('md', tableDocument(), meta)
    const again = importFile(exported.fileName, exported.bytes)
    expect(cellsOf(again.content)).toEqual([
      ['tableHeader 1x1 Термин', 'tableHeader 1x1 Значение', 'tableHeader 1x1 Источник'],
      ['tableCell 1x1 Омбудсмен', 'tableCell 1x1 Уполномоченный по правам', 'tableCell 1x1 '],
      ['tableCell 1x1 ', 'tableCell 1x1 Город-участник', 'tableCell 1x1 Устав'],
    ])
    expect(footnotesOf(again.content)).toEqual(NOTES)
  })
})
