import { enableSuggestChanges, suggestChanges } from '@handlewithcare/prosemirror-suggest-changes'
import { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { documentSchema } from '../documentSchema.js'
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
})
