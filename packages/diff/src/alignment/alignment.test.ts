import { describe, expect, it } from 'vitest'
import type { JsonNode } from '../documentUnits.js'
import { alignClauses, alignEntries, type TranslationMark } from './alignClauses.js'
import { clauseEntries } from './clauseEntries.js'
import { structuralChanges } from './structuralChanges.js'

const p = (text: string): JsonNode => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text }] : [],
})
const h = (text: string): JsonNode => ({
  type: 'clauseHeading',
  content: text ? [{ type: 'text', text }] : [],
})
const clause = (id: string, heading: string, body: string, subs: JsonNode[] = []): JsonNode => ({
  type: 'clause',
  attrs: { id },
  content: [h(heading), p(body), ...subs],
})
const sub = (id: string, heading: string, body: string): JsonNode => ({
  type: 'subclause',
  attrs: { id },
  content: [h(heading), p(body)],
})
const doc = (...content: JsonNode[]): JsonNode => ({ type: 'doc', content })
const mark = (sourceText: string): TranslationMark => ({
  sourceText,
  at: '2026-01-01T00:00:00.000Z',
  by: { id: 'u1', name: 'Translator' },
})

describe('clauseEntries', () => {
  it('numbers clauses and sub-clauses by position and keeps their parent', () => {
    const entries = clauseEntries(
      doc(p('Preface'), clause('a', 'Scope', 'Body', [sub('a1', 'Sub', 'x')]), clause('b', '', '')),
    )
    expect(entries.map((e) => [e.id, e.number, e.parentId, e.text])).toEqual([
      ['a', '1', null, 'Scope\nBody'],
      ['a1', '1.1', 'a', 'Sub\nx'],
      ['b', '2', null, '\n'],
    ])
  })
})

describe('alignClauses', () => {
  const source = doc(
    clause('a', 'Сфера', 'Персональные данные защищаются.'),
    clause('b', 'Термины', 'Слова значат то, что значат.'),
    clause('c', 'Новое', 'Новая статья.'),
  )
  const target = doc(
    clause('a', 'Scope', 'Personal data is protected.'),
    clause('b', 'Terms', 'Words mean what they say.'),
  )

  it('ties clauses by id in source order, with one state each and the counts', () => {
    const marks = new Map([
      ['a', mark('Сфера\nПерсональные данные защищаются.')],
      ['b', mark('Термины\nСлова значат то, что они значат.')],
    ])
    const { clauses, counts } = alignClauses(source, target, marks, 'ru')
    expect(clauses.map((c) => [c.clauseId, c.number, c.state, c.targetText])).toEqual([
      ['a', '1', 'upToDate', 'Scope\nPersonal data is protected.'],
      ['b', '2', 'outdated', 'Terms\nWords mean what they say.'],
      ['c', '3', 'untranslated', null],
    ])
    expect(counts).toEqual({ upToDate: 1, outdated: 1, untranslated: 1 })
  })

  it('shows an outdated clause the words the source deleted and added since the marking', () => {
    const marks = new Map([['b', mark('Термины\nСлова значат то, что они значат.')]])
    const b = alignClauses(source, target, marks, 'ru').clauses[1]
    const changed = b?.sourceDiff?.filter((c) => c.type !== 'equal')
    expect(changed).toEqual([{ type: 'delete', text: 'они ' }])
    expect(b?.marked?.by.name).toBe('Translator')
  })
})

describe('alignEntries with the previous alignment', () => {
  const marks = new Map([
    ['a', mark('Сфера\nПерсональные данные защищаются.')],
    ['b', mark('Термины\nСлова значат то, что они значат.')],
  ])
  const target = clauseEntries(doc(clause('a', 'Scope', 'Data.'), clause('b', 'Terms', 'Words.')))
  const before = clauseEntries(
    doc(
      clause('a', 'Сфера', 'Персональные данные защищаются.'),
      clause('b', 'Термины', 'Слова значат то, что значат.'),
      clause('c', 'Новое', 'Новая статья.'),
    ),
  )

  it('keeps the objects of unchanged clauses and aligns the changed ones anew, as from scratch', () => {
    const first = alignEntries(before, target, marks, 'ru')
    // Someone types in clause b, and clause c moves up past it (renumbering both).
    const after = clauseEntries(
      doc(
        clause('a', 'Сфера', 'Персональные данные защищаются.'),
        clause('c', 'Новое', 'Новая статья.'),
        clause('b', 'Термины', 'Слова значат то, что они значат!'),
      ),
    )
    const again = alignEntries(after, target, marks, 'ru', { previous: first.clauses })
    expect(again).toEqual(alignEntries(after, target, marks, 'ru'))
    expect(again.clauses[0]).toBe(first.clauses[0])
    expect(again.clauses[1]).not.toBe(first.clauses[2])
    expect(again.clauses[2]?.sourceDiff?.filter((c) => c.type === 'insert')).toEqual([
      { type: 'insert', text: '!' },
    ])
    expect(again.counts).toEqual({ upToDate: 1, outdated: 1, untranslated: 1 })
  })

  it('aligns a clause anew when its translation or its mark changed', () => {
    const first = alignEntries(before, target, marks, 'ru')
    const translated = clauseEntries(
      doc(clause('a', 'Scope', 'Personal data.'), clause('b', 'Terms', 'Words.')),
    )
    const remarked = new Map(marks).set('b', mark('Термины\nСлова значат то, что значат.'))
    const again = alignEntries(before, translated, remarked, 'ru', { previous: first.clauses })
    expect(again).toEqual(alignEntries(before, translated, remarked, 'ru'))
    expect(again.clauses[0]).not.toBe(first.clauses[0])
    expect(again.clauses[1]?.state).toBe('upToDate')
    expect(again.clauses[2]).toBe(first.clauses[2])
  })
})

describe('structuralChanges', () => {
  it('finds nothing when the structures match', () => {
    const s = doc(clause('a', 'A', ''), clause('b', 'B', '', [sub('b1', 'B1', '')]))
    const t = doc(clause('a', 'X', 'y'), clause('b', 'Z', '', [sub('b1', 'W', '')]))
    expect(structuralChanges(s, t)).toEqual([])
  })

  it('lists additions (a split), deletions (a merge) and the fewest moves', () => {
    const s = doc(
      clause('c', 'C', ''),
      clause('a', 'A', ''),
      clause('a2', 'A second half', ''),
      clause('b', 'B', '', [sub('d', 'D', '')]),
    )
    const t = doc(
      clause('a', 'A', ''),
      clause('b', 'B', ''),
      clause('c', 'C', ''),
      clause('d', 'D', ''),
      clause('e', 'E', ''),
    )
    const changes = structuralChanges(s, t)
    expect(changes.map((c) => c.id)).toEqual(['delete:e', 'add:a2', 'move:c', 'move:d'])
    expect(changes.find((c) => c.id === 'add:a2')).toMatchObject({
      number: '3',
      heading: 'A second half',
    })
  })
})
