import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { hidesInsertedText } from './hidesInsertedText.js'

/** A document with one paragraph, and a second copy of it. */
const twoCopies = () => {
  const live = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('Статья 1.')])
  live.getXmlFragment('default').insert(0, [paragraph])
  const other = new Y.Doc()
  Y.applyUpdate(other, Y.encodeStateAsUpdate(live))
  return { live, other }
}

const textOf = (doc: Y.Doc) =>
  (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText

/** Makes a change on `doc` and returns it as the update that change sends. */
const change = (doc: Y.Doc, edit: () => void): Uint8Array => {
  const before = Y.encodeStateVector(doc)
  edit()
  return Y.encodeStateAsUpdate(doc, before)
}

describe('hidesInsertedText', () => {
  it('is true for words typed into a paragraph another change removed', () => {
    const { live, other } = twoCopies()
    live.getXmlFragment('default').delete(0, 1)
    const late = change(other, () => textOf(other).insert(9, ' Дополнение.'))
    Y.applyUpdate(live, late)
    expect(hidesInsertedText(live, late)).toBe(true)
  })

  it('is false for words that show, and for words the update itself deletes', () => {
    const { live, other } = twoCopies()
    const typed = change(other, () => textOf(other).insert(9, ' Дополнение.'))
    Y.applyUpdate(live, typed)
    expect(hidesInsertedText(live, typed)).toBe(false)

    const offline = new Y.Doc()
    Y.applyUpdate(offline, Y.encodeStateAsUpdate(live))
    const typedAndUndone = change(offline, () => {
      textOf(offline).insert(0, 'лишнее ')
      textOf(offline).delete(0, 'лишнее '.length)
    })
    Y.applyUpdate(live, typedAndUndone)
    expect(hidesInsertedText(live, typedAndUndone)).toBe(false)
  })

  it('is false for an update still waiting for a change it builds on', () => {
    const { live, other } = twoCopies()
    change(other, () => textOf(other).insert(0, 'A'))
    const second = change(other, () => textOf(other).insert(1, 'B'))
    Y.applyUpdate(live, second)
    expect(textOf(live).toString()).toBe('Статья 1.')
    expect(hidesInsertedText(live, second)).toBe(false)
  })
})
