import { describe, expect, it } from 'vitest'
import { diffDocuments } from './diffDocuments.js'
import type { JsonNode } from './documentUnits.js'

const p = (text: string): JsonNode => ({ type: 'paragraph', content: [{ type: 'text', text }] })
const clause = (id: string, heading: string, ...body: string[]): JsonNode => ({
  type: 'clause',
  attrs: { id },
  content: [{ type: 'clauseHeading', content: [{ type: 'text', text: heading }] }, ...body.map(p)],
})
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content })

const changesOf = (d: ReturnType<typeof diffDocuments>, key: string) =>
  d.units.find((u) => u.key === key)

describe('diffDocuments', () => {
  const base = doc(
    p('Стандарт защиты прав человека в цифровой среде'),
    clause('a', 'Цели', 'Обеспечить доступ к интернету.'),
    clause('b', 'Принципы', 'Прозрачность и подотчётность.'),
    clause('c', 'Privacy', 'Everyone has the right to privacy.'),
  )

  it('reports nothing changed for the same document', () => {
    const d = diffDocuments(base, base)
    expect(d.summary).toEqual({ added: 0, removed: 0, moved: 0, changed: 0, unchanged: 3 })
  })

  it('finds an added and a removed clause, without calling renumbered clauses changed', () => {
    const next = doc(
      p('Стандарт защиты прав человека в цифровой среде'),
      clause('new', 'Определения', 'Термины.'),
      clause('a', 'Цели', 'Обеспечить доступ к интернету.'),
      clause('c', 'Privacy', 'Everyone has the right to privacy.'),
    )
    const d = diffDocuments(base, next)
    expect(d.summary).toMatchObject({ added: 1, removed: 1, changed: 0, moved: 0, unchanged: 2 })
    expect(changesOf(d, 'new')).toMatchObject({
      status: 'added',
      numberBefore: null,
      numberAfter: '1',
    })
    expect(changesOf(d, 'a')).toMatchObject({
      status: 'unchanged',
      numberBefore: '1',
      numberAfter: '2',
    })
    expect(changesOf(d, 'b')).toMatchObject({
      status: 'removed',
      numberBefore: '2',
      numberAfter: null,
    })
    // The removed clause is listed where it stood: after clause "a".
    expect(d.units.map((u) => u.key)).toEqual(['preface', 'new', 'a', 'b', 'c'])
  })

  it('finds a moved clause, and whether it also changed', () => {
    const next = doc(
      p('Стандарт защиты прав человека в цифровой среде'),
      clause('c', 'Privacy', 'Everyone has the right to privacy and data protection.'),
      clause('a', 'Цели', 'Обеспечить доступ к интернету.'),
      clause('b', 'Принципы', 'Прозрачность и подотчётность.'),
    )
    const d = diffDocuments(base, next)
    expect(changesOf(d, 'c')).toMatchObject({
      status: 'moved',
      changed: true,
      numberBefore: '3',
      numberAfter: '1',
    })
    expect(changesOf(d, 'a')?.status).toBe('unchanged')
    expect(
      changesOf(d, 'c')
        ?.body.filter((c) => c.type === 'insert')
        .map((c) => c.text.trim()),
    ).toEqual(['and data protection'])
  })

  it('reports inserted and deleted Russian words whole', () => {
    const next = doc(
      p('Стандарт защиты прав человека в цифровой среде'),
      clause('a', 'Цели', 'Обеспечить всеобщий доступ к сети.'),
      clause('b', 'Основные принципы', 'Прозрачность и подотчётность.'),
      clause('c', 'Privacy', 'Everyone has the right to privacy.'),
    )
    const d = diffDocuments(base, next)
    const a = changesOf(d, 'a')
    expect(a?.status).toBe('changed')
    expect(a?.body.filter((c) => c.type === 'insert').map((c) => c.text.trim())).toEqual([
      'всеобщий',
      'сети',
    ])
    expect(a?.body.filter((c) => c.type === 'delete').map((c) => c.text.trim())).toEqual([
      'интернету',
    ])
    expect(changesOf(d, 'b')?.heading).toEqual([
      { type: 'delete', text: 'Принципы' },
      { type: 'insert', text: 'Основные принципы' },
    ])
  })

  it('reports English word changes and preface changes', () => {
    const next = doc(
      p('Standard for human rights in the digital environment'),
      clause('a', 'Цели', 'Обеспечить доступ к интернету.'),
      clause('b', 'Принципы', 'Прозрачность и подотчётность.'),
      clause('c', 'Privacy', 'Everyone has a right to privacy.'),
    )
    const d = diffDocuments(base, next, 'en')
    expect(changesOf(d, 'preface')?.status).toBe('changed')
    const c = changesOf(d, 'c')?.body ?? []
    expect(c.filter((x) => x.type === 'delete').map((x) => x.text.trim())).toEqual(['the'])
    expect(c.filter((x) => x.type === 'insert').map((x) => x.text.trim())).toEqual(['a'])
  })

  it('numbers and matches sub-clauses', () => {
    const withSub = (text: string) =>
      doc({
        ...clause('a', 'Цели'),
        content: [
          ...(clause('a', 'Цели').content ?? []),
          { ...clause('a1', 'Доступ', text), type: 'subclause' },
        ],
      })
    const d = diffDocuments(withSub('Доступ для всех.'), withSub('Доступ для всех граждан.'))
    expect(changesOf(d, 'a1')).toMatchObject({ status: 'changed', numberAfter: '1.1' })
  })

  it('compares documents of 500 clauses', () => {
    const big = (edit: number) =>
      doc(
        ...Array.from({ length: 500 }, (_, i) =>
          clause(
            `c${i}`,
            `Статья о праве ${i}`,
            i === edit ? 'Изменённый текст статьи.' : 'Текст статьи о правах человека.',
          ),
        ),
      )
    const d = diffDocuments(big(-1), big(250))
    expect(d.summary).toMatchObject({ changed: 1, unchanged: 499 })
    expect(changesOf(d, 'c250')?.numberAfter).toBe('251')
  })
})
