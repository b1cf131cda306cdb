import { describe, expect, it } from 'vitest'
import { mentionQuery, mentionsIn } from './mentionQuery'

describe('mentionQuery', () => {
  it('finds a mention being typed in Cyrillic or Latin', () => {
    expect(mentionQuery('Привет, @Ан', 11)).toEqual({ start: 8, query: 'Ан' })
    expect(mentionQuery('@bo', 3)).toEqual({ start: 0, query: 'bo' })
    expect(mentionQuery('see @Анна Пав', 13)).toEqual({ start: 4, query: 'Анна Пав' })
    expect(mentionQuery('x @', 3)).toEqual({ start: 2, query: '' })
  })

  it('ignores an e-mail address, a lone @ followed by a space, and text after the caret', () => {
    expect(mentionQuery('mail ann@example.org', 20)).toBeNull()
    expect(mentionQuery('@ ann', 5)).toBeNull()
    expect(mentionQuery('@ann and then more words', 24)).toBeNull()
    expect(mentionQuery('@ann and more', 4)).toEqual({ start: 0, query: 'ann' })
    // Just after a chosen name and its space, the list stays closed.
    expect(mentionQuery('see @Анна Павлова ', 18)).toBeNull()
  })
})

describe('mentionsIn', () => {
  it('keeps the chosen people whose name is still in the text, once each', () => {
    const chosen = [
      { id: 'a', name: 'Анна Павлова' },
      { id: 'b', name: 'Bob' },
      { id: 'a', name: 'Анна Павлова' },
    ]
    expect(mentionsIn('@Анна Павлова, see this', chosen)).toEqual(['a'])
    expect(mentionsIn('nobody', chosen)).toEqual([])
  })
})
