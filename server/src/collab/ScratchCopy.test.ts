import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { LiveUpdates } from './LiveUpdates.js'
import { ScratchCopy } from './ScratchCopy.js'

const scratchOf = (live: Y.Doc) => new ScratchCopy(live, new LiveUpdates(live))

/** A document by client 1, and an edit on it by client 2 (formatting, insertion, deletion, a new block). */
const fixture = () => {
  const base = new Y.Doc()
  base.clientID = 1
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('hello world')])
  base.getXmlFragment('default').insert(0, [paragraph])
  const other = new Y.Doc()
  other.clientID = 2
  Y.applyUpdate(other, Y.encodeStateAsUpdate(base))
  const text = (other.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
  text.insert(3, 'XYZ', { bold: true })
  text.delete(0, 2)
  other.getXmlFragment('default').insert(1, [new Y.XmlElement('paragraph')])
  return { base, edit: Y.encodeStateAsUpdate(other, Y.encodeStateVector(base)) }
}

const snapshot = (doc: Y.Doc) => ({
  update: Y.encodeStateAsUpdate(doc),
  json: doc.getXmlFragment('default').toJSON(),
})

describe('ScratchCopy', () => {
  it('applies a good update to the live document', () => {
    const { base, edit } = fixture()
    const scratch = scratchOf(base)
    scratch.applyWhole(edit, null)
    expect(base.getXmlFragment('default').toJSON()).toBe(
      '<paragraph>l<bold>XYZ</bold>lo world</paragraph><paragraph></paragraph>',
    )
  })

  it('leaves the live document untouched by 3,000 corrupted edits, whether Yjs throws or not', () => {
    const seed = 42
    const gen = prng.create(seed)
    const { edit } = fixture()
    let refused = 0
    let refusedAfterDecoding = 0
    for (let i = 0; i < 3000; i++) {
      const { base } = fixture()
      const scratch = scratchOf(base)
      const corrupted = edit.slice()
      for (let k = prng.int32(gen, 1, 3); k > 0; k--) {
        corrupted[prng.int32(gen, 0, corrupted.length - 1)] = prng.int32(gen, 0, 255)
      }
      const before = snapshot(base)
      let decodes = true
      try {
        Y.decodeUpdate(corrupted)
      } catch {
        decodes = false
      }
      try {
        scratch.applyWhole(corrupted, null)
      } catch {
        refused++
        if (decodes) refusedAfterDecoding++
        expect(snapshot(base), `seed ${seed}, case ${i}`).toEqual(before)
        continue
      }
      // Accepted: the live document and a plain application agree.
      const plain = new Y.Doc()
      Y.applyUpdate(plain, before.update)
      Y.applyUpdate(plain, corrupted)
      expect(base.getXmlFragment('default').toJSON()).toBe(plain.getXmlFragment('default').toJSON())
      scratch.destroy()
    }
    // Corruptions that a full decode does not catch, and that Yjs throws on halfway, exist:
    // that is why the check is a trial application, not a decode.
    expect(refused).toBeGreaterThan(0)
    expect(refusedAfterDecoding).toBeGreaterThan(0)
  })

  it('follows changes made to the live document by the server itself', () => {
    const { base, edit } = fixture()
    const scratch = scratchOf(base)
    base.getXmlFragment('default').insert(0, [new Y.XmlElement('heading')])
    scratch.applyWhole(edit, null)
    expect(base.getXmlFragment('default').length).toBe(3)
  })

  it('passes over an update the document already holds, such as an empty SyncStep2', () => {
    const { base, edit } = fixture()
    const scratch = scratchOf(base)
    let updates = 0
    base.on('update', () => updates++)
    scratch.applyWhole(Y.encodeStateAsUpdate(base, Y.encodeStateVector(base)), null)
    scratch.applyWhole(Y.encodeStateAsUpdate(base), null)
    expect(updates).toBe(0)
    scratch.applyWhole(edit, null)
    scratch.applyWhole(edit, null)
    expect(updates).toBe(1)
    expect(base.getXmlFragment('default').length).toBe(2)
  })

  it('keeps its copy in step through direct applies for a while, then drops it; the next trial copies afresh', () => {
    const { base } = fixture()
    const scratch = scratchOf(base)
    const writer = new Y.Doc()
    writer.clientID = 5
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(base))
    const text = () => (writer.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
    const keystroke = () => {
      const before = Y.encodeStateVector(writer)
      text().insert(0, 'k')
      return Y.encodeStateAsUpdate(writer, before)
    }
    scratch.applyWhole(keystroke(), null)
    expect(scratch.holdsCopy).toBe(true)
    // As sent or encoded again by Yjs, the copy follows.
    for (let i = 0; i < 256; i++) scratch.applyDirect(keystroke(), null, i % 2 === 0)
    expect(scratch.holdsCopy).toBe(true)
    scratch.applyDirect(keystroke(), null, false)
    expect(scratch.holdsCopy).toBe(false)
    // A trial after that works on a fresh copy of the live document as it is now.
    let seen = ''
    scratch.applyWhole(keystroke(), null, ({ copy }) => {
      seen = copy.getXmlFragment('default').toJSON()
    })
    expect(seen).toBe(base.getXmlFragment('default').toJSON())
    expect(seen).toContain('k'.repeat(259))
  })
})
