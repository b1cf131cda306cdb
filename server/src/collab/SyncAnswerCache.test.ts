import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readMessage, writeSyncStep2 } from './protocol.js'
import { SyncAnswerCache } from './SyncAnswerCache.js'

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

const vector = (entries: [number, number][]) => Y.encodeStateVector(new Map(entries))
const EMPTY = Y.encodeStateVector(new Y.Doc())

describe('SyncAnswerCache', () => {
  it('encodes the whole document once and hands out the same bytes until it changes', () => {
    const doc = docWith('hello')
    const cache = new SyncAnswerCache(doc)
    const first = cache.fullState()
    expect(cache.fullState()).toBe(first)
    expect(textOf(first)).toBe('hello')
    doc.getText('t').insert(5, ' world')
    const second = cache.fullState()
    expect(second).not.toBe(first)
    expect(textOf(second)).toBe('hello world')
  })

  it('starts from the loaded state and drops it at the first change', () => {
    const doc = new Y.Doc()
    const stored = Y.encodeStateAsUpdate(docWith('stored'))
    Y.applyUpdate(doc, stored)
    const cache = new SyncAnswerCache(doc, stored)
    expect(cache.fullState()).toBe(stored)
    doc.getText('t').insert(0, '!')
    expect(textOf(cache.fullState())).toBe('!stored')
  })

  it('stops following the document once destroyed', () => {
    const doc = docWith('a')
    const cache = new SyncAnswerCache(doc)
    cache.destroy()
    doc.getText('t').insert(0, 'b')
    expect(textOf(cache.fullState())).toBe('ba')
  })

  it('answers every vector that asks for everything with one frame, byte for byte a fresh encoding', () => {
    const doc = docWith('hello')
    const cache = new SyncAnswerCache(doc)
    const asksForEverything = [
      EMPTY,
      // Only clients the document never saw: 8 bytes that used to cost a whole encoding each.
      vector([[123_456_789, 5]]),
      vector([
        [doc.clientID, 0],
        [42, 7],
      ]),
    ]
    const answer = cache.answer(EMPTY)
    for (const sv of asksForEverything) {
      expect(cache.answer(sv)).toBe(answer)
      expect(answer).toEqual(writeSyncStep2(Y.encodeStateAsUpdate(doc, sv)))
    }
    doc.getText('t').insert(0, '!')
    const message = readMessage(cache.answer(EMPTY))
    expect(message.type === 'syncStep2' && textOf(message.update)).toBe('!hello')
  })

  it('answers every peer that holds it all with one frame, the delete set included', () => {
    const doc = docWith('hello world')
    doc.getText('t').delete(0, 6)
    const cache = new SyncAnswerCache(doc)
    const upToDate = [
      Y.encodeStateVector(doc),
      vector([
        [doc.clientID, 99],
        [7, 3],
      ]),
    ]
    const answer = cache.answer(upToDate[0] as Uint8Array)
    for (const sv of upToDate) {
      expect(cache.answer(sv)).toBe(answer)
      expect(answer).toEqual(writeSyncStep2(Y.encodeStateAsUpdate(doc, sv)))
    }
  })

  it('encodes anything else afresh: what the peer lacks', () => {
    const doc = docWith('hello')
    const cache = new SyncAnswerCache(doc)
    const behind = vector([[doc.clientID, 2]])
    const answer = cache.answer(behind)
    expect(answer).not.toBe(cache.answer(behind))
    expect(answer).toEqual(writeSyncStep2(Y.encodeStateAsUpdate(doc, behind)))
  })
})
