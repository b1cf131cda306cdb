import { enableSuggestChanges, suggestChanges } from '@handlewithcare/prosemirror-suggest-changes'
import type { JSONContent } from '@tiptap/core'
import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { docToJSON, jsonToUpdate } from '../fragment.js'
import { checkSuggestOnly } from './checkSuggestOnly.js'
import { listSuggestions } from './listSuggestions.js'
import { acceptedDocument, baseDocument, resolveSuggestions } from './resolveSuggestions.js'
import { suggestTransaction } from './suggestTransaction.js'

const alice = { authorId: 'u-alice', authorName: 'Alice' }
const bob = { authorId: 'u-bob', authorName: 'Bob' }

const clause = (id: string, heading: string, body: string): JSONContent => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: [{ type: 'text', text: heading }] },
    { type: 'paragraph', content: [{ type: 'text', text: body }] },
  ],
})

const start = (): EditorState => {
  const schema = documentSchema()
  const doc = PMNode.fromJSON(schema, {
    type: 'doc',
    content: [
      clause('c1', 'Scope', 'The rules apply to members.'),
      clause('c2', 'Terms', 'Words.'),
    ],
  })
  let state = EditorState.create({ schema, doc, plugins: [suggestChanges()] })
  enableSuggestChanges(state, (tr) => {
    state = state.apply(tr)
  })
  return state
}

/** Applies `edit` as a suggestion by `author`. */
const suggest = (
  state: EditorState,
  author: typeof alice,
  edit: (tr: Transaction) => void,
): EditorState => {
  const tr = state.tr
  edit(tr)
  return state.apply(suggestTransaction(state, tr, author, '2025-01-01T00:00:00.000Z'))
}

const textPos = (doc: PMNode, text: string): number => {
  let found = -1
  doc.descendants((node, pos) => {
    if (found >= 0) return false
    const at = node.isText ? (node.text ?? '').indexOf(text) : -1
    if (at >= 0) found = pos + at
    return true
  })
  if (found < 0) throw new Error(`no "${text}"`)
  return found
}

const roundTrip = (doc: PMNode): PMNode => {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, jsonToUpdate(doc.toJSON()))
  return PMNode.fromJSON(documentSchema(), docToJSON(ydoc))
}

describe('suggestions', () => {
  it('turns typing and deleting into attributed suggestions that survive the Yjs binding', () => {
    let state = start()
    state = suggest(state, alice, (tr) => tr.insertText(' all', textPos(tr.doc, ' members')))
    state = suggest(state, bob, (tr) => {
      const at = textPos(tr.doc, 'Words')
      tr.delete(at, at + 'Words'.length)
    })
    const doc = roundTrip(state.doc)
    const list = listSuggestions(doc)
    expect(list).toHaveLength(2)
    expect(list[0]).toMatchObject({
      kind: 'insertion',
      inserted: ' all',
      authorId: 'u-alice',
      authorName: 'Alice',
      clauseId: 'c1',
      clauseNumber: '1',
      at: '2025-01-01T00:00:00.000Z',
    })
    expect(list[1]).toMatchObject({
      kind: 'deletion',
      deleted: 'Words',
      authorId: 'u-bob',
      clauseNumber: '2',
    })
    // The deleted word is still there, under review.
    expect(doc.textContent).toContain('Words')
    expect(baseDocument(doc).eq(baseDocument(start().doc))).toBe(true)
  })

  it('groups continuous typing into one suggestion and keeps each person its own', () => {
    let state = start()
    state = suggest(state, alice, (tr) => tr.insertText('A', textPos(tr.doc, '.')))
    state = suggest(state, alice, (tr) => tr.insertText('B', textPos(tr.doc, '.')))
    state = suggest(state, bob, (tr) => tr.insertText('C', textPos(tr.doc, '.')))
    const list = listSuggestions(state.doc)
    expect(list.map((s) => [s.authorName, s.inserted])).toEqual([
      ['Alice', 'AB'],
      ['Bob', 'C'],
    ])
  })

  it('records a formatting change as a replacement', () => {
    let state = start()
    state = suggest(state, alice, (tr) => {
      const at = textPos(tr.doc, 'rules')
      tr.addMark(at, at + 5, documentSchema().mark('bold'))
    })
    const [s] = listSuggestions(state.doc)
    expect(s).toMatchObject({ kind: 'replacement', deleted: 'rules', inserted: 'rules' })
    expect(baseDocument(state.doc).eq(start().doc)).toBe(true)
  })

  it('suggests a whole clause as a block, kept through Yjs, removed on reject', () => {
    let state = start()
    state = suggest(state, bob, (tr) => {
      const node = PMNode.fromJSON(documentSchema(), clause('c3', 'New', 'Added text.'))
      tr.insert(tr.doc.content.size, node)
    })
    const doc = roundTrip(state.doc)
    const [s] = listSuggestions(doc)
    expect(s).toMatchObject({
      block: true,
      kind: 'insertion',
      authorId: 'u-bob',
      clauseNumber: '3',
    })
    expect(baseDocument(doc).childCount).toBe(2)
    expect(acceptedDocument(doc).childCount).toBe(3)
  })

  it('accepts and rejects single suggestions', () => {
    let state = start()
    state = suggest(state, alice, (tr) => tr.insertText(' all', textPos(tr.doc, ' members')))
    state = suggest(state, bob, (tr) => {
      const at = textPos(tr.doc, 'Words')
      tr.delete(at, at + 'Words'.length)
    })
    const [ins, del] = listSuggestions(state.doc)
    const { tr, resolved } = resolveSuggestions(state.doc, (id) =>
      id === ins?.id ? 'accept' : id === del?.id ? 'accept' : undefined,
    )
    expect([...resolved].sort()).toEqual([ins?.id, del?.id].sort())
    expect(listSuggestions(tr.doc)).toHaveLength(0)
    expect(tr.doc.textContent).toContain('The rules apply to all members.')
    expect(tr.doc.textContent).not.toContain('Words')
  })

  it('tells a suggestion from a direct edit', () => {
    const before = start()
    const suggested = suggest(before, alice, (tr) => tr.insertText('X', 1 + 1 + 1))
    expect(checkSuggestOnly(before.doc, suggested.doc, 'u-alice')).toBeNull()
    expect(checkSuggestOnly(before.doc, suggested.doc, 'u-bob')).toMatchObject({
      reason: 'notYours',
    })
    const direct = before.apply(before.tr.insertText('X', 3))
    expect(checkSuggestOnly(before.doc, direct.doc, 'u-alice')).toEqual({ reason: 'textChanged' })
    // Bob may not withdraw Alice's suggestion; Alice may.
    const withdrawn = resolveSuggestions(suggested.doc, () => 'reject').tr.doc
    expect(checkSuggestOnly(suggested.doc, withdrawn, 'u-bob')).toMatchObject({
      reason: 'othersChanged',
    })
    expect(checkSuggestOnly(suggested.doc, withdrawn, 'u-alice')).toBeNull()
  })

  it('keeps a suggested line break when it is accepted: an atom is content, not a marker', () => {
    const suggested = suggest(start(), alice, (tr) =>
      tr.insert(textPos(tr.doc, ' members'), tr.doc.type.schema.nodes.hardBreak.create()),
    ).doc
    const breaks = (doc: PMNode) => {
      let n = 0
      doc.descendants((node) => {
        if (node.type.name === 'hardBreak') n += 1
      })
      return n
    }
    expect(breaks(suggested)).toBe(1)
    expect(breaks(acceptedDocument(suggested))).toBe(1)
    expect(breaks(baseDocument(suggested))).toBe(0)
  })
})
