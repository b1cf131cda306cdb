import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { asksForEverything, FullStateCache } from './FullStateCache.js'
import { readMessage, writeSyncStep2 } from './protocol.js'

const docWith = (text: string) => {
  const doc = new Y.Doc()
  doc.getText('t').insert(0, text)
  return doc
}

const textOf = (update: Uint8Array) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, update)
  return doc.getText('t').toString()
}

describe('FullStateCache', () => {
  it('encodes once and hands out the same bytes until the document changes', () => {
    const doc = docWith('hello')
    const cache = new FullStateCache(doc)
    const first = cache.get()
    expect(cache.get()).toBe(first)
    expect(textOf(first)).toBe('hello')
    doc.getText('t').insert(5, ' world')
    const second = cache.get()
    expect(second).not.toBe(first)
    expect(textOf(second)).toBe('hello world')
  })

  it('starts from the loaded state and drops it at the first change', () => {
    const doc = new Y.Doc()
    const stored = Y.encodeStateAsUpdate(docWith('stored'))
    Y.applyUpdate(doc, stored)
    const cache = new FullStateCache(doc, stored)
    expect(cache.get()).toBe(stored)
    doc.getText('t').insert(0, '!')
    expect(textOf(cache.get())).toBe('!stored')
  })

  it('stops following the document once destroyed', () => {
    const doc = docWith('a')
    const cache = new FullStateCache(doc)
    cache.destroy()
    doc.getText('t').insert(0, 'b')
    expect(textOf(cache.get())).toBe('ba')
  })

  it('frames the answer once, as a sync step 2 of the whole document', () => {
    const doc = docWith('hello')
    const cache = new FullStateCache(doc)
    const answer = cache.answer()
    expect(cache.answer()).toBe(answer)
    expect(answer).toEqual(writeSyncStep2(cache.get()))
    doc.getText('t').insert(0, '!')
    const message = readMessage(cache.answer())
    expect(message.type === 'syncStep2' && textOf(message.update)).toBe('!hello')
  })

  it('tells which state vectors ask for the whole document, answering them as a fresh encoding would', () => {
    const doc = docWith('hello')
    const known = doc.clientID
    const vector = (entries: [number, number][]) => Y.encodeStateVector(new Map(entries))
    const everything = [
      Y.encodeStateVector(new Y.Doc()),
      vector([[123_456_789, 5]]),
      vector([
        [known, 0],
        [42, 7],
      ]),
    ]
    for (const sv of everything) {
      expect(asksForEverything(doc, sv)).toBe(true)
      expect(Y.encodeStateAsUpdate(doc, sv)).toEqual(Y.encodeStateAsUpdate(doc))
    }
    expect(asksForEverything(doc, vector([[known, 2]]))).toBe(false)
    expect(asksForEverything(doc, Y.encodeStateVector(doc))).toBe(false)
  })
})
