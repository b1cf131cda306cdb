import { enableSuggestChanges, suggestChanges } from '@handlewithcare/prosemirror-suggest-changes'
import { Editor } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { documentExtensions } from '../extensions.js'
import { FOOTNOTE } from '../footnotes/Footnote.js'
import { insertTable } from '../tables/insertTable.js'
import { checkSuggestOnly } from './checkSuggestOnly.js'
import { listSuggestions } from './listSuggestions.js'
import { baseDocument, resolveSuggestions, withoutMarkers } from './resolveSuggestions.js'
import { suggestAppendedBlocks } from './suggestAppendedBlocks.js'
import { suggestTransaction } from './suggestTransaction.js'

const alice = { authorId: 'u-alice', authorName: 'Alice' }
const AT = '2025-01-01T00:00:00.000Z'
const paragraphs = (...lines: string[]) => ({
  type: 'doc',
  content: lines.map((line) => ({ type: 'paragraph', content: [{ type: 'text', text: line }] })),
})

/**
 * A view-less editor whose state has every plugin of the document's extensions (Tiptap's
 * trailing node among them), the suggest-changes plugin on, and, with `appended`, the plugin
 * that makes appended blocks part of a suggestion, as the client's suggest mode has.
 */
const suggestingEditor = (content: object, appended = true) => {
  // No keymap: its shortcuts look at `navigator`, which Node has not.
  const editor = new Editor({
    extensions: documentExtensions(),
    content,
    enableCoreExtensions: { keymap: false },
  })
  let state = EditorState.create({
    schema: editor.schema,
    doc: editor.state.doc,
    plugins: [
      ...editor.extensionManager.plugins,
      suggestChanges(),
      ...(appended ? [suggestAppendedBlocks(() => alice)] : []),
    ],
  })
  enableSuggestChanges(state, (tr) => {
    state = state.apply(tr)
  })
  editor.view.updateState(state)
  return editor
}

/** Runs an editor command the way suggest mode does: its transaction rewritten as Alice's. */
const suggest = (editor: Editor, command: () => unknown) => {
  const tr = editor.captureTransaction(() => {
    command()
  })
  if (!tr) throw new Error('the command changed nothing')
  const state = editor.state
  editor.view.updateState(state.apply(suggestTransaction(state, tr, alice, AT)))
}

const type = (editor: Editor, words: string) =>
  suggest(editor, () => editor.view.dispatch(editor.state.tr.insertText(words)))

/** The text after a coordinator accepts the one suggestion the list shows. */
const acceptListed = (doc: PMNode): PMNode => {
  const listed = listSuggestions(doc)
  expect(listed).toHaveLength(1)
  const id = listed[0]?.id
  return withoutMarkers(resolveSuggestions(doc, (at) => (at === id ? 'accept' : undefined)).tr.doc)
}

const footnotes = (doc: PMNode): string[] => {
  const found: string[] = []
  doc.descendants((node) => {
    if (node.type.name === FOOTNOTE) found.push(node.textContent)
  })
  return found
}

describe('inserting in suggest mode', () => {
  it('a footnote: the words typed next replace the space it starts with, in its suggestion', () => {
    const editor = suggestingEditor(paragraphs('The rules apply.'))
    const before = editor.state.doc
    editor.commands.setTextSelection(before.content.size - 1)
    suggest(editor, () => editor.commands.insertFootnote())
    type(editor, 'As agreed.')

    const doc = editor.state.doc
    expect(footnotes(doc)).toEqual(['As agreed.'])
    expect(checkSuggestOnly(before, doc, alice.authorId)).toBeNull()
    expect(listSuggestions(doc)).toMatchObject([{ kind: 'insertion', authorName: 'Alice' }])
    // Accepted, nothing of it is left suggested; rejected, nothing of it is left.
    const accepted = acceptListed(doc)
    expect(footnotes(accepted)).toEqual(['As agreed.'])
    expect(listSuggestions(accepted)).toEqual([])
    expect(baseDocument(doc).eq(before)).toBe(true)
    editor.destroy()
  })

  it('a table: the cursor is in its first cell, and what is typed there is part of it', () => {
    const editor = suggestingEditor(paragraphs('Members.', 'The list.'))
    const before = editor.state.doc
    editor.commands.setTextSelection(before.child(0).nodeSize - 1)
    suggest(editor, () => insertTable(editor.state, editor.view.dispatch))
    expect(editor.state.selection.$head.parent.type.name).toBe('paragraph')
    expect(editor.state.selection.$head.node(-1).type.name).toBe('tableHeader')
    type(editor, 'City')

    const doc = editor.state.doc
    expect(doc.child(1).type.name).toBe('table')
    expect(doc.child(1).firstChild?.firstChild?.textContent).toBe('City')
    expect(listSuggestions(acceptListed(doc))).toEqual([])
    expect(baseDocument(doc).eq(before)).toBe(true)
    editor.destroy()
  })

  for (const appended of [false, true])
    it(`a table that ends the document: the paragraph added after it is ${appended ? '' : 'not '}part of the suggestion`, () => {
      const editor = suggestingEditor(paragraphs('Members.', 'The list.'), appended)
      const before = editor.state.doc
      editor.commands.setTextSelection(before.content.size - 1)
      suggest(editor, () => insertTable(editor.state, editor.view.dispatch))

      const doc = editor.state.doc
      // Tiptap's trailing node: a paragraph after a final table, to type after it.
      expect(doc.lastChild?.type.name).toBe('paragraph')
      expect(doc.child(doc.childCount - 2).type.name).toBe('table')
      if (!appended) {
        // What the server refused.
        expect(checkSuggestOnly(before, doc, alice.authorId)).toEqual({ reason: 'textChanged' })
        editor.destroy()
        return
      }
      expect(checkSuggestOnly(before, doc, alice.authorId)).toBeNull()
      const [suggestion, ...others] = listSuggestions(doc)
      expect(others).toEqual([])
      expect(suggestion).toMatchObject({ kind: 'insertion', block: true, authorName: 'Alice' })
      expect(baseDocument(doc).eq(before)).toBe(true)
      const accepted = acceptListed(doc)
      expect(listSuggestions(accepted)).toEqual([])
      expect(accepted.lastChild?.type.name).toBe('paragraph')
      editor.destroy()
    })
})
