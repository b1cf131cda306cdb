import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import { clauseOutline } from './clauseOutline.js'

const text = (value: string): JSONContent[] => [{ type: 'text', text: value }]
const heading = (value: string): JSONContent => ({
  type: 'clauseHeading',
  ...(value ? { content: text(value) } : {}),
})
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: text(value) })
const sub = (id: string, title: string): JSONContent => ({
  type: 'subclause',
  attrs: { id },
  content: [heading(title), paragraph('…')],
})
const clause = (id: string, title: string, ...rest: JSONContent[]): JSONContent => ({
  type: 'clause',
  attrs: { id },
  content: [heading(title), ...rest],
})

describe('clauseOutline', () => {
  it('numbers clauses and sub-clauses by position, skipping blocks between them', () => {
    const doc: JSONContent = {
      type: 'doc',
      content: [
        { type: 'heading', attrs: { level: 1 }, content: text('Стандарт') },
        paragraph('Преамбула.'),
        clause('a', 'Цели', paragraph('…'), sub('a1', 'Доступ'), paragraph('…'), sub('a2', '')),
        { type: 'heading', attrs: { level: 2 }, content: text('Раздел II') },
        clause('b', '  Гарантии  '),
      ],
    }
    expect(clauseOutline(doc)).toEqual([
      {
        id: 'a',
        number: '1',
        heading: 'Цели',
        level: 1,
        children: [
          { id: 'a1', number: '1.1', heading: 'Доступ', level: 2 },
          { id: 'a2', number: '1.2', heading: '', level: 2 },
        ],
      },
      { id: 'b', number: '2', heading: 'Гарантии', level: 1 },
    ])
  })

  it('is empty for a document without clauses', () => {
    expect(clauseOutline({ type: 'doc', content: [paragraph('Просто текст')] })).toEqual([])
  })
})
