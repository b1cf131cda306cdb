import { describe, expect, it } from 'vitest'
import { proposedChangeRedline } from './proposedChangeRedline.js'

describe('the redline of a proposed change', () => {
  it('strikes the words that go and inserts the words that come, keeping the rest', () => {
    expect(
      proposedChangeRedline('Правила применяются к членам', 'Правила применяются ко всем членам'),
    ).toEqual([
      { type: 'equal', text: 'Правила применяются ' },
      { type: 'delete', text: 'к' },
      { type: 'insert', text: 'ко всем' },
      { type: 'equal', text: ' членам' },
    ])
  })

  it('whole Cyrillic words, not pieces of them', () => {
    const changes = proposedChangeRedline('заявление гражданина', 'обращение гражданина', 'ru')
    expect(changes?.filter((c) => c.type !== 'equal')).toEqual([
      { type: 'delete', text: 'заявление' },
      { type: 'insert', text: 'обращение' },
    ])
  })

  it('reads back to the quote (without insertions) and to the proposal (without deletions)', () => {
    const quote = 'The rules apply to members.'
    const proposed = 'The regulations apply to all members,\nand to guests.'
    const changes = proposedChangeRedline(quote, proposed, 'en') ?? []
    const text = (skip: string) =>
      changes
        .filter((c) => c.type !== skip)
        .map((c) => c.text)
        .join('')
    expect(text('insert')).toBe(quote)
    expect(text('delete')).toBe(proposed)
  })

  it('none without a quote or without a proposed change', () => {
    expect(proposedChangeRedline('', 'New words')).toBeNull()
    expect(proposedChangeRedline('  ', 'New words')).toBeNull()
    expect(proposedChangeRedline('Old words', null)).toBeNull()
    expect(proposedChangeRedline('Old words', ' ')).toBeNull()
  })
})
