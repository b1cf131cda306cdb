import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ownKeysBefore, ownKeysDeletedBefore } from './ownKeysBefore'

/** Two people's copies of one paragraph, "Один два" written by the second and synced. */
const twoPeople = () => {
  const typist = new Y.Doc()
  const other = new Y.Doc()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText('Один два')])
  other.getXmlFragment('default').insert(0, [paragraph])
  Y.applyUpdate(typist, Y.encodeStateAsUpdate(other))
  const text = (doc: Y.Doc, block = 0) =>
    (doc.getXmlFragment('default').get(block) as Y.XmlElement).get(0) as Y.XmlText
  const sync = (from: Y.Doc, to: Y.Doc) =>
    Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
  const end = (doc: Y.Doc) => Y.createRelativePositionFromTypeIndex(text(doc), text(doc).length)
  /** "Один два три! четыре": the "!" the other's, " три" and " четыре" the typist's. */
  const markedByOther = () => {
    text(typist).insert(8, ' три')
    sync(typist, other)
    text(other).insert(12, '!')
    sync(other, typist)
    text(typist).insert(13, ' четыре')
  }
  return { typist, other, text, sync, end, markedByOther }
}

describe('ownKeysBefore', () => {
  it('counts what this person typed after the text they were typing after', () => {
    const { typist, text, end } = twoPeople()
    text(typist).insert(8, ' три четыре')
    expect(ownKeysBefore(typist, end(typist))).toBe(' три четыре'.length)
  })

  it('counts only the keys stranded by a split before them, that the copy never had', () => {
    const { typist, other, text, sync, end } = twoPeople()
    text(typist).insert(8, ' три четыре')
    sync(typist, other)
    text(typist).insert(19, ' пять шесть')
    const caret = end(typist)
    // The other person splits after "Один два": the tail they have is deleted and copied.
    text(other).delete(8, ' три четыре'.length)
    const tail = new Y.XmlElement('paragraph')
    tail.insert(0, [new Y.XmlText(' три четыре')])
    other.getXmlFragment('default').insert(1, [tail])
    sync(other, typist)
    expect(text(typist).toString()).toBe('Один два пять шесть')
    expect(ownKeysBefore(typist, caret)).toBe(' пять шесть'.length)
  })

  it("stops at someone else's character and at a deleted one", () => {
    const { typist, text, end, markedByOther } = twoPeople()
    markedByOther()
    expect(ownKeysBefore(typist, end(typist))).toBe(' четыре'.length)
    text(typist).delete(19, 1)
    text(typist).insert(19, 'е!')
    expect(text(typist).toString()).toBe('Один два три! четыре!')
    expect(ownKeysBefore(typist, end(typist))).toBe(2)
  })

  it('reads through bold: formatting is not a character', () => {
    const { typist, text, end } = twoPeople()
    text(typist).insert(8, ' три ')
    text(typist).insert(13, 'четыре', { bold: {} })
    text(typist).insert(19, ' пять', { bold: null })
    expect(ownKeysBefore(typist, end(typist))).toBe(' три четыре пять'.length)
  })

  it('is none at the start of a text', () => {
    const { typist, text } = twoPeople()
    expect(ownKeysBefore(typist, Y.createRelativePositionFromTypeIndex(text(typist), 0))).toBe(0)
  })
})

describe('ownKeysDeletedBefore', () => {
  /**
   * The other person re-creates the paragraph (as a join or a list does) with the text they
   * have; what the typist's keys before `caret` were, counted while the change's observers run.
   */
  const recreated = (
    people: ReturnType<typeof twoPeople>,
    caret: Y.RelativePosition,
  ): number | null => {
    const { typist, other, text, sync } = people
    const copy = new Y.XmlElement('listItem')
    copy.insert(0, [new Y.XmlText(text(other).toString())])
    other.getXmlFragment('default').delete(0, 1)
    other.getXmlFragment('default').insert(0, [copy])
    let counted: number | null = null
    const count = (transaction: Y.Transaction) => {
      counted = ownKeysDeletedBefore(typist, caret, transaction)
    }
    typist.on('beforeObserverCalls', count)
    sync(other, typist)
    typist.off('beforeObserverCalls', count)
    return counted
  }

  it("counts the keys that went with the deleted text, the copy's and those it never had", () => {
    const people = twoPeople()
    const { typist, other, text, sync, end } = people
    text(typist).insert(8, ' три четыре')
    sync(typist, other)
    text(typist).insert(19, ' пять шестт')
    text(typist).delete(29, 1)
    text(typist).insert(29, 'ь')
    expect(recreated(people, end(typist))).toBe(' три четыре пять шесть'.length)
  })

  it("stops at someone else's character", () => {
    const people = twoPeople()
    people.markedByOther()
    const { typist, end } = people
    expect(recreated(people, end(typist))).toBe(' четыре'.length)
  })

  it('counts from a caret inside the text', () => {
    const people = twoPeople()
    const { typist, text } = people
    text(typist).insert(8, ' три')
    const inside = Y.createRelativePositionFromTypeIndex(text(typist), 10)
    expect(recreated(people, inside)).toBe(' т'.length)
  })

  it('is none when the change deleted nothing of theirs', () => {
    const { typist, other, text, sync, end } = twoPeople()
    text(typist).insert(8, ' три')
    const caret = end(typist)
    text(other).insert(0, '1. ')
    let counted: number | null = null
    typist.on('beforeObserverCalls', (transaction: Y.Transaction) => {
      counted = ownKeysDeletedBefore(typist, caret, transaction)
    })
    sync(other, typist)
    expect(counted).toBe(0)
  })
})
