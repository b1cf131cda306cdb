import { BODY_FRAGMENT, encodeAnchor } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { textStarting, wordsOfAnchor } from '../../../../test/utils/anchors.js'
import { editAs, pmDoc, posOf, writeBody } from '../../../../test/utils/editAs.js'
import { FollowedAnchors } from './FollowedAnchors.js'
import type { Recreated } from './recreatedWords.js'

const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})
const clause = (id: string, heading: string, ...body: string[]): JSONContent => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: [{ type: 'text', text: heading }] },
    ...body.map(paragraph),
  ],
})

/** A document and one followed thread on `words` of the paragraph beginning `start`. */
const followed = (content: JSONContent, start: string, words: string) => {
  const doc = new Y.Doc()
  writeBody(doc, content)
  const text = textStarting(doc, start)
  const at = text.toString().indexOf(words)
  const moves: Recreated[] = []
  const anchors = new FollowedAnchors(
    doc,
    (_, moved) => moves.push(moved),
    (err) => {
      throw err
    },
  )
  anchors.follow(
    't1',
    encodeAnchor({ type: text, index: at }, { type: text, index: at + words.length }),
  )
  /** The words the thread is on now: its last new anchor, or "none" if it never moved. */
  const now = () => {
    const last = moves.at(-1)
    return last ? wordsOfAnchor(doc, last.anchor) : 'none'
  }
  return { doc, moves, now, text }
}

const charter: JSONContent = {
  type: 'doc',
  content: [
    clause('access', 'Право на доступ', 'Каждый имеет право на доступ доступ к сведениям.'),
    clause('terms', 'Термины', 'Слова значат то, что они значат.'),
  ],
}

describe('FollowedAnchors: a comment follows its words when they are re-created, and only then', () => {
  it('follows words moved to a new paragraph by a split, and back by a join', () => {
    const { doc, moves, now } = followed(charter, 'Каждый', 'к сведениям')
    editAs(doc, (tr) => tr.split(posOf(pmDoc(doc), 'доступ доступ')))
    expect(now()).toBe('к сведениям')
    editAs(doc, (tr) => tr.join(posOf(pmDoc(doc), 'доступ доступ') - 1))
    expect(now()).toBe('к сведениям')
    expect(moves.at(-1)?.clauseId).toBe('access')
  })

  it('follows words whose clause is moved out and back in, in two changes', () => {
    const { doc, now, moves } = followed(charter, 'Каждый', 'право на доступ')
    const first = pmDoc(doc).child(0)
    editAs(doc, (tr) => tr.delete(0, first.nodeSize))
    expect(moves).toEqual([])
    editAs(doc, (tr) => tr.insert(tr.doc.content.size, first))
    expect(now()).toBe('право на доступ')
    expect(moves.at(-1)?.clauseId).toBe('access')
  })

  it('never moves deleted words onto the same words that stood next to them', () => {
    const { doc, moves, text } = followed(charter, 'Каждый', 'доступ')
    // Deleted as Yjs items, the first "доступ " exactly (the binding's text diff would
    // delete the second one, and the comment would keep the first).
    text.delete('Каждый имеет право на '.length, 'доступ '.length)
    // More typing in the same paragraph, after the words and right before them.
    editAs(doc, (tr) => tr.insertText('!', posOf(pmDoc(doc), 'сведениям.') + 'сведениям.'.length))
    editAs(doc, (tr) => tr.insertText('полный ', posOf(pmDoc(doc), 'доступ к')))
    expect(pmDoc(doc).child(0).textContent).toContain('на полный доступ к сведениям.!')
    expect(moves).toEqual([])
  })

  it('follows deleted words written again at the same place (an undo does this)', () => {
    const { doc, now } = followed(charter, 'Каждый', 'право')
    const undo = new Y.UndoManager(doc.getXmlFragment(BODY_FRAGMENT))
    const at = posOf(pmDoc(doc), 'право на')
    editAs(doc, (tr) => tr.delete(at, at + 'право'.length))
    undo.undo()
    expect(now()).toBe('право')
  })

  it('does not follow words deleted in one clause when a copy of that clause is pasted later with other words', () => {
    const { doc, moves } = followed(charter, 'Слова', 'значат то')
    const terms = pmDoc(doc).child(1)
    editAs(doc, (tr) => tr.delete(tr.doc.content.size - terms.nodeSize, tr.doc.content.size))
    const changed = clause('terms', 'Термины', 'Слова значат иное.')
    editAs(doc, (tr) => tr.insert(tr.doc.content.size, tr.doc.type.schema.nodeFromJSON(changed)))
    expect(moves).toEqual([])
  })
})
