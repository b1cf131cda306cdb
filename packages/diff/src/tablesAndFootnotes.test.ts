import { describe, expect, it } from 'vitest'
import { diffDocuments } from './diffDocuments.js'
import type { JsonNode } from './documentUnits.js'

const text = (t: string): JsonNode => ({ type: 'text', text: t })
const p = (...content: JsonNode[]): JsonNode => ({ type: 'paragraph', content })
const cell = (t: string): JsonNode => ({ type: 'tableCell', content: [p(text(t))] })
const row = (...cells: string[]): JsonNode => ({ type: 'tableRow', content: cells.map(cell) })
const note = (t: string): JsonNode => ({ type: 'footnote', content: [text(t)] })

const definitions = (meaning: string, footnote: string): JsonNode => ({
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'defs' },
      content: [
        { type: 'clauseHeading', content: [text('Определения')] },
        p(text('Термины'), note(footnote), text(' применяются так:')),
        { type: 'table', content: [row('Термин', 'Значение'), row('Омбудсмен', meaning)] },
      ],
    },
  ],
})

const bodyChanges = (before: JsonNode, after: JsonNode) => {
  const unit = diffDocuments(before, after).units.find((u) => u.key === 'defs')
  return unit?.body.filter((change) => change.type !== 'equal')
}

describe('tables and footnotes in the comparison', () => {
  const base = definitions('Уполномоченный по правам', 'Как в уставе.')

  it('shows an unchanged table and footnote as unchanged', () => {
    expect(diffDocuments(base, base).summary.changed).toBe(0)
  })

  it('shows a changed cell as a change of that cell, inside its row', () => {
    const d = diffDocuments(base, definitions('Уполномоченный по правам человека', 'Как в уставе.'))
    expect(d.units.find((u) => u.key === 'defs')?.status).toBe('changed')
    expect(
      bodyChanges(base, definitions('Уполномоченный по правам человека', 'Как в уставе.')),
    ).toEqual([{ type: 'insert', text: 'человека' }])
    const unit = d.units.find((u) => u.key === 'defs')
    const body = unit?.body.map((c) => c.text).join('') ?? ''
    expect(body).toContain('Омбудсмен | Уполномоченный по правам человека')
  })

  it('shows a changed footnote as a change inside its note, where its mark stands', () => {
    expect(
      bodyChanges(base, definitions('Уполномоченный по правам', 'Как в уставе и в регламенте.')),
    ).toEqual([{ type: 'insert', text: 'и в регламенте' }])
    const body =
      diffDocuments(base, base)
        .units.find((u) => u.key === 'defs')
        ?.body.map((c) => c.text)
        .join('') ?? ''
    expect(body).toContain('Термины[^Как в уставе.] применяются так:')
  })
})
