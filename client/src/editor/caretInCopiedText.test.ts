import type { Node } from '@tiptap/pm/model'
import { describe, expect, it } from 'vitest'
import { caretInCopiedText, stillAfterItsText } from './caretInCopiedText'
import { doc, justAfter, list, paragraph } from './testDocuments'

/** The text before and after a position, inside its block. */
const around = (node: Node, pos: number) => {
  const $pos = node.resolve(pos)
  return [
    $pos.parent.textBetween(0, $pos.parentOffset),
    $pos.parent.textBetween($pos.parentOffset, $pos.parent.content.size),
  ]
}

describe('caretInCopiedText', () => {
  const typing = doc(paragraph('Преамбула.'), paragraph('один два двадцать'), paragraph('Конец.'))
  const caret = justAfter(typing, 'двадцать')

  it('finds the caret in a block joined to the one before it', () => {
    const joined = doc(paragraph('Преамбула.один два двадцать'), paragraph('Конец.'))
    expect(around(joined, caretInCopiedText(typing, caret, joined) as number)).toEqual([
      'Преамбула.один два двадцать',
      '',
    ])
  })

  it('finds it in a block made a list item, and when the last keys never reached the copy', () => {
    const wrapped = doc(paragraph('Преамбула.'), list('один два двад'), paragraph('Конец.'))
    expect(around(wrapped, caretInCopiedText(typing, caret, wrapped) as number)).toEqual([
      'один два двад',
      '',
    ])
  })

  it('follows the tail a split moved to a new block, not where the tail was cut off', () => {
    const split = doc(
      paragraph('Преамбула.'),
      paragraph('один два'),
      paragraph(' двадцать'),
      paragraph('Конец.'),
    )
    expect(around(split, caretInCopiedText(typing, caret, split) as number)).toEqual([
      ' двадцать',
      '',
    ])
    // The copy never had the last two keys: the caret ends where they were.
    const short = doc(
      paragraph('Преамбула.'),
      paragraph('один два'),
      paragraph(' двадца'),
      paragraph('Конец.'),
    )
    expect(around(short, caretInCopiedText(typing, caret, short) as number)).toEqual([
      ' двадца',
      '',
    ])
  })

  it('finds it when words typed last never reached the copy', () => {
    const long = doc(paragraph('Каждый имеет право на доступ к информации о себе'))
    const end = long.content.size - 1
    const wrapped = doc(list('Каждый имеет право на доступ'))
    expect(around(wrapped, caretInCopiedText(long, end, wrapped) as number)).toEqual([
      'Каждый имеет право на доступ',
      '',
    ])
  })

  it('leaves a caret before the change where it was', () => {
    const start = justAfter(typing, 'Преам')
    const joined = doc(paragraph('Преамбула.один два двадцать'), paragraph('Конец.'))
    expect(caretInCopiedText(typing, start, joined)).toBe(start)
  })

  it('uses the text after the caret at the start of a block', () => {
    const start = justAfter(typing, 'Преамбула.') + 2
    const joined = doc(paragraph('Преамбула.один два двадцать'), paragraph('Конец.'))
    expect(around(joined, caretInCopiedText(typing, start, joined) as number)).toEqual([
      'Преамбула.',
      'один два двадцать',
    ])
  })

  it('finds it at the start of a block when the first keys never reached the copy', () => {
    const keys = doc(paragraph('Преамбула.'), paragraph('веодин два двадцать'), paragraph('Конец.'))
    const wrapped = doc(paragraph('Преамбула.'), list('один два двадцать'), paragraph('Конец.'))
    expect(
      around(wrapped, caretInCopiedText(keys, justAfter(keys, 'ве'), wrapped) as number),
    ).toEqual(['', 'один два двадцать'])
    // A short block: its whole text tells where it went.
    const short = doc(paragraph('Преамбула.'), paragraph('болвеми'), paragraph('Конец.'))
    const listed = doc(paragraph('Преамбула.'), list('веми'), paragraph('Конец.'))
    expect(
      around(listed, caretInCopiedText(short, justAfter(short, 'бол'), listed) as number),
    ).toEqual(['', 'веми'])
    // Part of a longer block that short is not enough.
    const longer = doc(paragraph('Преамбула.'), list('веми и ещё'), paragraph('Конец.'))
    expect(caretInCopiedText(short, justAfter(short, 'бол'), longer)).toBeNull()
  })

  it('finds it when the keys the copy never had leave fewer than 8 characters before them', () => {
    // Someone else's copy of the list item replaced this person's, which held their keys.
    const mine = doc(paragraph('Преамбула.'), list('Право граждан на доступ'), paragraph('Конец.'))
    const theirs = doc(paragraph('Преамбула.'), list('Право на доступ'), paragraph('Конец.'))
    expect(
      around(theirs, caretInCopiedText(mine, justAfter(mine, 'граждан'), theirs) as number),
    ).toEqual(['Право', ' на доступ'])
  })

  it('takes the nearest of several places with the same text', () => {
    const same = 'один два двадцать'
    const twice = doc(paragraph('x'), paragraph(same), paragraph(same))
    const end = twice.content.size - 1
    const joined = doc(paragraph(`x${same}`), paragraph(same))
    expect(caretInCopiedText(twice, end, joined)).toBe(joined.content.size - 1)
  })

  it('gives up when the text is gone, or the block is empty', () => {
    const gone = doc(paragraph('Преамбула.'), paragraph('Конец.'))
    expect(caretInCopiedText(typing, caret, gone)).toBeNull()
    const empty = doc(paragraph('Преамбула.'), paragraph(''), paragraph('Конец.'))
    const wrapped = doc(paragraph('Преамбула.'), list(''), paragraph('Конец.'))
    expect(caretInCopiedText(empty, justAfter(empty, 'Преамбула.') + 2, wrapped)).toBeNull()
  })
})

describe('stillAfterItsText', () => {
  const mine = doc(paragraph('Каждый ан'))
  const caret = justAfter(mine, 'Каждый ан')

  it('holds when someone typed among the characters before the caret', () => {
    const theirs = doc(paragraph('Каждый бону2 ан'))
    expect(stillAfterItsText(mine, caret, theirs, justAfter(theirs, 'бону2 ан'))).toBe(true)
  })

  it('fails when characters before the caret are gone: deleted, or copied to another block', () => {
    const deleted = doc(paragraph('Кажд'))
    expect(stillAfterItsText(mine, caret, deleted, justAfter(deleted, 'Кажд'))).toBe(false)
    // A split copied "ый ан" to a new block; a key of this person's stayed behind.
    const split = doc(paragraph('Каждк'), paragraph('ый ан'))
    expect(stillAfterItsText(mine, caret, split, justAfter(split, 'Каждк'))).toBe(false)
  })
})
