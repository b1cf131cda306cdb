import { changedRange, documentSchema } from '@accord/schema'
import { describe, expect, it } from 'vitest'
import { carriedRange, widenedChange } from './threadRange'

describe('carriedRange', () => {
  const words = { from: 100, to: 120 }

  it('keeps a range well before the change', () => {
    expect(carriedRange(words, { start: 130, endA: 131, endB: 140 })).toEqual(words)
  })

  it('shifts a range well after the change by what it added or removed', () => {
    expect(carriedRange(words, { start: 10, endA: 12, endB: 20 })).toEqual({ from: 108, to: 128 })
    expect(carriedRange(words, { start: 10, endA: 30, endB: 12 })).toEqual({ from: 82, to: 102 })
  })

  it('asks for the anchor again when the change touches or comes next to the range', () => {
    // Typing just after the words (the end's position is the next character's).
    expect(carriedRange(words, { start: 120, endA: 120, endB: 121 })).toBeUndefined()
    expect(carriedRange(words, { start: 121, endA: 121, endB: 122 })).toBeUndefined()
    // Typing just before them, inside them, or deleting across one end.
    expect(carriedRange(words, { start: 99, endA: 99, endB: 100 })).toBeUndefined()
    expect(carriedRange(words, { start: 110, endA: 110, endB: 115 })).toBeUndefined()
    expect(carriedRange(words, { start: 90, endA: 105, endB: 90 })).toBeUndefined()
  })

  it('keeps a range when the text reads the same', () => {
    expect(carriedRange(words, null)).toEqual(words)
  })
})

describe('widenedChange', () => {
  const schema = documentSchema()
  const doc = (...paragraphs: string[]) =>
    schema.nodeFromJSON({
      type: 'doc',
      content: paragraphs.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    })

  it('starts where a copy pasted above an equal paragraph may begin, so a range on it is found again', () => {
    const before = doc('Same words', 'Other words')
    const after = doc('Same words', 'Same words', 'Other words')
    // The first paragraph's words: changedRange alone reads the copy as added below them.
    const onFirst = { from: 1, to: 11 }
    expect(carriedRange(onFirst, changedRange(before, after))).toEqual(onFirst)
    expect(widenedChange(before, after)?.start).toBe(0)
    expect(carriedRange(onFirst, widenedChange(before, after))).toBeUndefined()
  })

  it('is the change itself where nothing repeats', () => {
    const before = doc('One', 'Two')
    const after = doc('One', 'Two and more')
    expect(widenedChange(before, after)).toEqual(changedRange(before, after))
  })
})
