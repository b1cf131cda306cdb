import { enableSuggestChanges, suggestChanges } from '@handlewithcare/prosemirror-suggest-changes'
import { Editor } from '@tiptap/core'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { documentExtensions } from '../extensions.js'
import { docToJSON, jsonToUpdate } from '../fragment.js'
import { checkSuggestOnly } from '../suggestions/checkSuggestOnly.js'
import { listSuggestions } from '../suggestions/listSuggestions.js'
import { acceptedDocument, baseDocument } from '../suggestions/resolveSuggestions.js'
import { suggestTransaction } from '../suggestions/suggestTransaction.js'
import { clauseReferenceLabels } from './clauseReferenceLabels.js'

const text = (t: string) => ({ type: 'text', text: t })
const ref = (clauseId: string) => ({ type: 'clauseRef', attrs: { clauseId } })
const clause = (id: string, heading: string, body: object[] = [], subs: object[] = []) => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: [text(heading)] },
    { type: 'paragraph', content: body.length > 0 ? body : [text('Body')] },
    ...subs,
  ],
})
const sub = (id: string, heading: string) => ({
  type: 'subclause',
  attrs: { id },
  content: [{ type: 'clauseHeading', content: [text(heading)] }],
})

const json = (order: 'ab' | 'ba') => {
  const a = clause('a', 'Scope', [text('See '), ref('b'), text(' and '), ref('b1')])
  const b = clause('b', 'Terms', [], [sub('b1', 'Defined')])
  return { type: 'doc', content: order === 'ab' ? [a, b] : [b, a] }
}

const labels = (doc: object, language: 'ru' | 'en' = 'en') =>
  clauseReferenceLabels(documentSchema().nodeFromJSON(doc), 'article', language).map((r) => r.label)

describe('clause references', () => {
  it('are inline atoms holding only the id of their clause', () => {
    const doc = documentSchema().nodeFromJSON(json('ab'))
    expect(() => doc.check()).not.toThrow()
    expect(doc.toJSON().content[0].content[1].content[1]).toEqual(ref('b'))
  })

  it('read their target’s current number, and follow it when clauses move', () => {
    expect(labels(json('ab'))).toEqual(['Article 2', 'Article 2.1'])
    expect(labels(json('ba'))).toEqual(['Article 1', 'Article 1.1'])
    expect(labels(json('ba'), 'ru')).toEqual(['Статья 1', 'Статья 1.1'])
  })

  it('show plainly that their clause is gone', () => {
    const gone = { type: 'doc', content: [json('ab').content[0]] }
    const found = clauseReferenceLabels(documentSchema().nodeFromJSON(gone), 'article', 'en')
    expect(found.map((r) => [r.number, r.label])).toEqual([
      [null, 'Article ?'],
      [null, 'Article ?'],
    ])
  })

  it('keep their target through the Y.Doc', () => {
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, jsonToUpdate(json('ab')))
    expect(docToJSON(ydoc)).toEqual(documentSchema().nodeFromJSON(json('ab')).toJSON())
  })

  it('are inserted by id in place of the selection, and only for a well-formed id', () => {
    const editor = new Editor({ extensions: documentExtensions(), content: json('ab') })
    // Inside the first clause's paragraph, after "Body"-less text "See ".
    editor.commands.setTextSelection(editor.state.doc.resolve(12).pos)
    expect(editor.commands.insertClauseReference('not valid!')).toBe(false)
    expect(editor.commands.insertClauseReference('b1')).toBe(true)
    expect(labels(editor.getJSON())).toEqual(['Article 2.1', 'Article 2', 'Article 2.1'])
    editor.destroy()
  })

  it('inserted in suggest mode, are a suggestion that accepting keeps and rejecting drops', () => {
    const schema = documentSchema()
    let state = EditorState.create({
      schema,
      doc: schema.nodeFromJSON(json('ab')),
      plugins: [suggestChanges()],
    })
    enableSuggestChanges(state, (tr) => {
      state = state.apply(tr)
    })
    const tr = state.tr
    // Inside "See ", after its "S".
    let at = -1
    state.doc.descendants((node, pos) => {
      if (node.isText && node.text === 'See ') at = pos + 1
    })
    tr.insert(at, schema.nodes.clauseRef.create({ clauseId: 'b' }))
    const alice = { authorId: 'u-alice', authorName: 'Alice' }
    const after = state.apply(suggestTransaction(state, tr, alice, '2025-01-01T00:00:00.000Z'))
    expect(listSuggestions(after.doc).map((s) => [s.kind, s.authorId])).toEqual([
      ['insertion', 'u-alice'],
    ])
    expect(checkSuggestOnly(state.doc, after.doc, 'u-alice')).toBeNull()
    const count = (doc: typeof state.doc) => clauseReferenceLabels(doc, 'article', 'en').length
    expect(count(baseDocument(after.doc))).toBe(2)
    expect(count(acceptedDocument(after.doc))).toBe(3)
  })
})
