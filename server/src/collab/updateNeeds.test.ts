import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { meetsNeeds, readNeeds } from './updateNeeds.js'

/** Every update a document emits, in order. */
const recorded = (doc: Y.Doc): Uint8Array[] => {
  const updates: Uint8Array[] = []
  doc.on('update', (update: Uint8Array) => updates.push(update))
  return updates
}

/** Whether Yjs itself integrates `update` whole into a copy of `base` (nothing left pending). */
const yjsAppliesWhole = (base: Y.Doc, update: Uint8Array): boolean => {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(base))
  Y.applyUpdate(copy, update)
  return copy.store.pendingStructs === null && copy.store.pendingDs === null
}

describe('updateNeeds', () => {
  it('agrees with Yjs on what applies whole: gaps, neighbours, parents, deletions, merged updates', () => {
    const author = new Y.Doc()
    author.clientID = 1
    const updates = recorded(author)
    const body = author.getXmlFragment('default')
    const paragraph = new Y.XmlElement('paragraph')
    const text = new Y.XmlText('hello')
    paragraph.insert(0, [text])
    body.insert(0, [paragraph]) // 0: the paragraph
    text.insert(5, ' world') // 1: builds on 0
    text.delete(0, 2) // 2: deletes from 0
    text.insert(text.length, '!') // 3: builds on 1
    // Another client typing into client 1's text: depends on another client's structs.
    const other = new Y.Doc()
    other.clientID = 2
    for (const u of updates) Y.applyUpdate(other, u)
    const otherUpdates = recorded(other)
    ;((other.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(1, 'X')

    const cases: [string, Y.Doc, Uint8Array, boolean][] = []
    const empty = new Y.Doc()
    const docAfter = (n: number) => {
      const doc = new Y.Doc()
      for (const u of updates.slice(0, n)) Y.applyUpdate(doc, u)
      return doc
    }
    const u = updates as [Uint8Array, Uint8Array, Uint8Array, Uint8Array]
    const mine = otherUpdates[0] as Uint8Array
    cases.push(['the first update, on an empty document', empty, u[0], true])
    cases.push(['an update whose predecessor is missing', empty, u[1], false])
    cases.push(['an update after its predecessor', docAfter(1), u[1], true])
    cases.push(['a deletion of text the document does not have yet', docAfter(0), u[2], false])
    cases.push(['a deletion the document can carry out', docAfter(2), u[2], true])
    cases.push(["another client's insertion into text not there yet", empty, mine, false])
    cases.push(["another client's insertion into text that is there", docAfter(4), mine, true])
    cases.push(['a merged update with a gap', empty, Y.mergeUpdates([u[0], u[3]]), false])
    cases.push(['a merged update, whole', empty, Y.mergeUpdates([u[0], u[1], u[3]]), true])
    cases.push(['an update the document holds already', docAfter(4), u[1], true])
    for (const [name, base, update, whole] of cases) {
      expect(yjsAppliesWhole(base, update), `Yjs: ${name}`).toBe(whole)
      expect(meetsNeeds(base, readNeeds(update)), name).toBe(whole)
    }
  })

  it('counts the structs an update carries', () => {
    const doc = new Y.Doc()
    const updates = recorded(doc)
    doc.transact(() => {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText('a')])
      doc.getXmlFragment('default').insert(0, [p])
    })
    expect(readNeeds(updates[0] as Uint8Array).structs).toBe(3)
  })

  it('refuses an update that does not decode', () => {
    expect(() => readNeeds(new Uint8Array([1, 200, 3]))).toThrow(/does not decode/)
  })
})
