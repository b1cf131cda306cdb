import type { AlignedClause } from '@accord/protocol'
import { describe, expect, it } from 'vitest'
import { keepUnchanged } from './keepUnchanged'
import type { LiveAlignment } from './useLiveAlignment'

const clause = (clauseId: string, sourceText: string): AlignedClause => ({
  clauseId,
  number: clauseId,
  level: 1,
  sourceText,
  targetText: 'x',
  state: 'upToDate',
})
const glossary = new Map()
const alignment = (...clauses: AlignedClause[]): LiveAlignment => ({
  clauses,
  counts: { upToDate: clauses.length, outdated: 0, untranslated: 0 },
  pending: [],
  glossary,
})

describe('keepUnchanged', () => {
  it('keeps the alignment shown when a recomputation changed nothing', () => {
    const shown = alignment(clause('1', 'a'), clause('2', 'b'))
    expect(keepUnchanged(shown, alignment(clause('1', 'a'), clause('2', 'b')))).toBe(shown)
  })

  it('takes the changed clause and keeps the objects of the others', () => {
    const shown = alignment(clause('1', 'a'), clause('2', 'b'))
    const next = alignment(clause('1', 'a'), clause('2', 'b!'))
    const kept = keepUnchanged(shown, next)
    expect(kept).not.toBe(shown)
    expect(kept.clauses[0]).toBe(shown.clauses[0])
    expect(kept.clauses[1]).toBe(next.clauses[1])
    expect(kept.counts).toBe(shown.counts)
  })

  it('follows a clause added or moved', () => {
    const shown = alignment(clause('1', 'a'), clause('2', 'b'))
    const next = alignment(clause('2', 'b'), clause('1', 'a'), clause('3', 'c'))
    const kept = keepUnchanged(shown, next)
    expect(kept.clauses.map((c) => c.clauseId)).toEqual(['2', '1', '3'])
    expect(kept.clauses[0]).toBe(shown.clauses[1])
    expect(kept.counts).toBe(next.counts)
  })
})
