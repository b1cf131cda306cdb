import { describe, expect, it } from 'vitest'
import { caretInCopiedText } from './caretInCopiedText'
import { keysLeftOut } from './keysLeftOut'
import { doc, list, paragraph } from './testDocuments'

describe('keysLeftOut', () => {
  const typing = doc(paragraph('Преамбула.'), paragraph('Один два три четыре пять шесть'))
  const caret = typing.content.size - 1
  const IN_FLIGHT = ' пять шесть'

  it('moves the keys a split left behind to the copy', () => {
    const split = doc(
      paragraph('Преамбула.'),
      paragraph(`Один два${IN_FLIGHT}`),
      paragraph(' три четыре'),
    )
    const stranded = 1 + 'Преамбула.'.length + 2 + `Один два${IN_FLIGHT}`.length
    const found = caretInCopiedText(typing, caret, split) as number
    expect(split.resolve(found).parent.textContent).toBe(' три четыре')
    const keys = keysLeftOut(
      typing,
      caret,
      split,
      found,
      { at: stranded, count: IN_FLIGHT.length },
      0,
    )
    expect(keys?.slice.content.textBetween(0, keys.slice.content.size)).toBe(IN_FLIGHT)
    expect(keys?.left && split.textBetween(keys.left.from, keys.left.to)).toBe(IN_FLIGHT)
  })

  it('types again the keys a list or a join deleted, only as many as the copy lacks', () => {
    const wrapped = doc(paragraph('Преамбула.'), list('Один два три четыре'))
    const found = caretInCopiedText(typing, caret, wrapped) as number
    const keys = keysLeftOut(typing, caret, wrapped, found, null, 'три четыре пять шесть'.length)
    expect(keys?.slice.content.textBetween(0, keys.slice.content.size)).toBe(IN_FLIGHT)
    expect(keys?.left).toBeNull()
    // Keys of someone else's among them: not this person's to type again.
    expect(keysLeftOut(typing, caret, wrapped, found, null, ' шесть'.length)).toBeNull()
  })

  it("types again a key typed at a block's start, the block joined to the one before", () => {
    const atStart = doc(paragraph('Преамбула.'), paragraph('вечПорядок доступа'))
    const caret = 1 + 'Преамбула.'.length + 2 + 'веч'.length
    const joined = doc(paragraph('Преамбула.веПорядок доступа'))
    const found = caretInCopiedText(atStart, caret, joined) as number
    expect(joined.textBetween(1, found)).toBe('Преамбула.ве')
    const keys = keysLeftOut(atStart, caret, joined, found, null, 'веч'.length)
    expect(keys?.slice.content.textBetween(0, keys.slice.content.size)).toBe('ч')
    // The text after the caret differs: not this copy.
    const other = doc(paragraph('Преамбула.веПоряд'))
    expect(keysLeftOut(atStart, caret, other, found, null, 'веч'.length)).toBeNull()
  })

  it('leaves alone a copy that has every key, and keys still before the caret', () => {
    const whole = doc(paragraph('Преамбула.'), list('Один два три четыре пять шесть'))
    const found = caretInCopiedText(typing, caret, whole) as number
    expect(keysLeftOut(typing, caret, whole, found, null, 10)).toBeNull()
    const shortened = doc(paragraph('Преамбула.'), paragraph(`Один два${IN_FLIGHT}`))
    const end = shortened.content.size - 1
    expect(
      keysLeftOut(typing, caret, shortened, end, { at: end, count: IN_FLIGHT.length }, 0),
    ).toBeNull()
  })
})
