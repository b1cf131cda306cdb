import { enableSuggestChanges, suggestChanges } from '@handlewithcare/prosemirror-suggest-changes'
import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { docToJSON, jsonToUpdate } from '../fragment.js'
import { checkSuggestOnly } from './checkSuggestOnly.js'
import { listSuggestions } from './listSuggestions.js'
import { acceptedDocument, baseDocument } from './resolveSuggestions.js'
import { suggestTransaction } from './suggestTransaction.js'

const alice = { authorId: 'u-alice', authorName: 'Alice' }
const text = (t: string) => ({ type: 'text', text: t })
const cell = (t: string) => ({
  type: 'tableCell',
  content: [{ type: 'paragraph', content: [text(t)] }],
})

const start = (): EditorState => {
  const schema = documentSchema()
  const doc = PMNode.fromJSON(schema, {
    type: 'doc',
    content: [
      {
        type: 'clause',
        attrs: { id: 'c1' },
        content: [
          { type: 'clauseHeading', content: [text('Terms')] },
          {
            type: 'paragraph',
            content: [text('Words'), { type: 'footnote', content: [text('As agreed.')] }],
          },
          {
            type: 'table',
            content: [{ type: 'tableRow', content: [cell('Office'), cell('The ombudsman')] }],
          },
        ],
      },
    ],
  })
  let state = EditorState.create({ schema, doc, plugins: [suggestChanges()] })
  enableSuggestChanges(state, (tr) => {
    state = state.apply(tr)
  })
  return state
}

const posAfter = (doc: PMNode, words: string): number => {
  let found = -1
  doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(words) : -1
    if (found < 0 && at >= 0) found = pos + at + words.length
  })
  return found
}

describe('suggestions in table cells and footnotes', () => {
  for (const [where, after, words] of [
    ['a table cell', 'The ombudsman', ' office'],
    ['a footnote', 'As agreed', ' in 2024'],
  ] as const)
    it(`words suggested in ${where} are a suggestion, accepted or rejected like any other`, () => {
      const state = start()
      const tr = state.tr.insertText(words, posAfter(state.doc, after))
      const next = state.apply(suggestTransaction(state, tr, alice, '2025-01-01T00:00:00.000Z'))
      expect(checkSuggestOnly(state.doc, next.doc, 'u-alice')).toBeNull()
      const [suggestion] = listSuggestions(next.doc)
      expect(suggestion).toMatchObject({ kind: 'insertion', inserted: words, authorName: 'Alice' })
      expect(acceptedDocument(next.doc).textContent).toContain(`${after}${words}`)
      expect(baseDocument(next.doc).textContent).toBe(state.doc.textContent)
    })

  /** Where the first node of this type starts. */
  const posOf = (doc: PMNode, type: string): number => {
    let found = -1
    doc.descendants((node, pos) => {
      if (found < 0 && node.type.name === type) found = pos
      return found < 0
    })
    return found
  }
  const count = (doc: PMNode, type: string): number => {
    let n = 0
    doc.descendants((node) => {
      if (node.type.name === type) n += 1
    })
    return n
  }
  const newTable = (state: EditorState) =>
    state.schema.nodeFromJSON({
      type: 'table',
      content: [{ type: 'tableRow', content: [cell('Member'), cell('A city')] }],
    })
  const newNote = (state: EditorState) =>
    state.schema.nodes.footnote.create(null, state.schema.text('See the charter.'))

  for (const [what, type, insert] of [
    [
      'a table',
      'table',
      (state: EditorState) => {
        const table = posOf(state.doc, 'table')
        return state.tr.insert(table + (state.doc.nodeAt(table)?.nodeSize ?? 0), newTable(state))
      },
    ],
    [
      'a footnote',
      'footnote',
      (state: EditorState) => state.tr.insert(posAfter(state.doc, 'Words'), newNote(state)),
    ],
  ] as const) {
    it(`${what} inserted whole is one suggestion: rejected, nothing of it stays; accepted, all of it`, () => {
      const state = start()
      const next = state.apply(
        suggestTransaction(state, insert(state), alice, '2025-01-01T00:00:00.000Z'),
      )
      expect(count(next.doc, type)).toBe(2)
      expect(checkSuggestOnly(state.doc, next.doc, 'u-alice')).toBeNull()
      // The suggestion lives in an attribute, which the Yjs binding keeps.
      const ydoc = new Y.Doc()
      Y.applyUpdate(ydoc, jsonToUpdate(next.doc.toJSON()))
      expect(docToJSON(ydoc)).toEqual(next.doc.toJSON())
      const suggestions = listSuggestions(next.doc)
      expect(suggestions).toHaveLength(1)
      expect(suggestions[0]).toMatchObject({ kind: 'insertion', authorName: 'Alice' })
      expect(baseDocument(next.doc).eq(state.doc)).toBe(true)
      const accepted = acceptedDocument(next.doc)
      expect(count(accepted, type)).toBe(2)
      expect(listSuggestions(accepted)).toEqual([])
    })

    it(`${what} deleted whole is one suggestion: accepted, it goes; rejected, it stays as it was`, () => {
      const state = start()
      const at = posOf(state.doc, type)
      const size = state.doc.nodeAt(at)?.nodeSize ?? 0
      const next = state.apply(
        suggestTransaction(
          state,
          state.tr.delete(at, at + size),
          alice,
          '2025-01-01T00:00:00.000Z',
        ),
      )
      // Still there until someone decides.
      expect(count(next.doc, type)).toBe(1)
      expect(checkSuggestOnly(state.doc, next.doc, 'u-alice')).toBeNull()
      const suggestions = listSuggestions(next.doc)
      expect(suggestions).toHaveLength(1)
      expect(suggestions[0]).toMatchObject({ kind: 'deletion', authorName: 'Alice' })
      expect(baseDocument(next.doc).eq(state.doc)).toBe(true)
      expect(count(acceptedDocument(next.doc), type)).toBe(0)
    })
  }
})
