import type { JSONContent } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { EditorState } from '@tiptap/pm/state'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { BODY_FRAGMENT } from '../fragment.js'
import { decodeAnchor, type EncodedAnchor, encodeAnchor } from './anchorCodec.js'
import { resolveAnchor } from './resolveAnchor.js'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })

/** A clause whose heading and two paragraphs all say "доступ". */
const clause: JSONContent = {
  type: 'doc',
  content: [
    paragraph('Преамбула: доступ.'),
    {
      type: 'clause',
      attrs: { id: 'access' },
      content: [
        { type: 'clauseHeading', content: [text('Право на доступ')] },
        paragraph('Каждый имеет право на доступ к информации.'),
        paragraph('Доступ ограничивается законом.'),
      ],
    },
  ],
}

/** Two synced copies holding `content`, as two people's editors would. */
const twoCopies = (content: JSONContent) => {
  const a = new Y.Doc()
  const b = new Y.Doc()
  a.on('update', (update: Uint8Array) => Y.applyUpdate(b, update))
  b.on('update', (update: Uint8Array) => Y.applyUpdate(a, update))
  prosemirrorJSONToYXmlFragment(documentSchema(), content, a.getXmlFragment(BODY_FRAGMENT))
  return { a, b }
}

/** Every text of the body, in order. */
const textsOf = (doc: Y.Doc): Y.XmlText[] =>
  [
    ...doc.getXmlFragment(BODY_FRAGMENT).createTreeWalker((type) => type instanceof Y.XmlText),
  ] as Y.XmlText[]

/** An anchor over the first `words` in the text that contains `within`, as the editor makes it. */
const anchorOn = (doc: Y.Doc, within: string, words: string): EncodedAnchor => {
  const target = textsOf(doc).find((t) => t.toString().includes(within))
  if (!target) throw new Error(`no text holds "${within}"`)
  const at = target.toString().indexOf(words)
  return encodeAnchor({ type: target, index: at }, { type: target, index: at + words.length })
}

/** The words an anchor is on in `doc`, or the state when it is on none. */
const wordsOf = (doc: Y.Doc, anchor: EncodedAnchor): string => {
  const positions = decodeAnchor(anchor)
  if (!positions) return 'undecodable'
  const state = resolveAnchor(doc, positions)
  return state.kind === 'anchored' ? state.text : state.kind
}

/** Edits a copy the way the editor does: a ProseMirror transaction through the binding's diff. */
const edit = (doc: Y.Doc, change: (tr: Transaction) => void) => {
  const schema = documentSchema()
  const fragment = doc.getXmlFragment(BODY_FRAGMENT)
  const tr = EditorState.create({
    schema,
    doc: yXmlFragmentToProseMirrorRootNode(fragment, schema),
  }).tr
  change(tr)
  doc.transact(() => prosemirrorJSONToYXmlFragment(schema, tr.doc.toJSON(), fragment))
}

/** The ProseMirror position of `words` in the copy's text. */
const posOf = (doc: Y.Doc, words: string): number => {
  const node = yXmlFragmentToProseMirrorRootNode(
    doc.getXmlFragment(BODY_FRAGMENT),
    documentSchema(),
  )
  let found = -1
  node.descendants((child, pos) => {
    const at = found < 0 && child.isText ? (child.text ?? '').indexOf(words) : -1
    if (at >= 0) found = pos + at
  })
  if (found < 0) throw new Error(`"${words}" is not in the text`)
  return found
}

describe('resolveAnchor: where a comment is, the same on every copy', () => {
  it('follows its words through edits around and inside them', () => {
    const { a, b } = twoCopies(clause)
    const anchor = anchorOn(a, 'Каждый', 'право на доступ')
    edit(b, (tr) => tr.insertText('Всякий и ', posOf(b, 'Каждый')))
    edit(a, (tr) => tr.insertText(' свободный', posOf(a, 'право на доступ к') + 'право'.length))
    // Typing right after the last word stays outside.
    edit(b, (tr) => tr.insertText('!', posOf(b, ' к информации')))
    expect(wordsOf(a, anchor)).toBe('право свободный на доступ')
    expect(wordsOf(b, anchor)).toBe('право свободный на доступ')
  })

  it('keeps its words when the word before them, where its start sticks, is deleted', () => {
    const { a, b } = twoCopies(clause)
    const anchor = anchorOn(a, 'Каждый', 'право')
    edit(b, (tr) => tr.delete(posOf(b, 'имеет '), posOf(b, 'имеет ') + 'имеет '.length))
    expect(wordsOf(a, anchor)).toBe('право')
  })

  it('is removed when its words are deleted, though the same words stand in the heading and another paragraph', () => {
    const { a, b } = twoCopies(clause)
    const anchor = anchorOn(a, 'Каждый', 'доступ')
    const at = posOf(b, 'доступ к')
    edit(b, (tr) => tr.delete(at, at + 'доступ '.length))
    expect(wordsOf(a, anchor)).toBe('removed')
    expect(wordsOf(b, anchor)).toBe('removed')
  })

  it('keeps what is left of its words after part of them is deleted', () => {
    const { a, b } = twoCopies(clause)
    const anchor = anchorOn(a, 'Каждый', 'право на доступ')
    const at = posOf(b, 'на доступ к')
    edit(b, (tr) => tr.delete(at, at + 'на '.length))
    expect(wordsOf(a, anchor)).toBe('право доступ')
  })

  it('is removed when its whole paragraph is deleted, on a copy that keeps deleted content and one that does not', () => {
    const { a, b } = twoCopies(clause)
    // The person deleting keeps the deleted content for undo; the other copy collects it.
    const undo = new Y.UndoManager(b.getXmlFragment(BODY_FRAGMENT))
    const anchor = anchorOn(a, 'Каждый', 'Каждый имеет право на доступ к информации.')
    const start = posOf(b, 'Каждый') - 1
    edit(b, (tr) =>
      tr.delete(start, start + 'Каждый имеет право на доступ к информации.'.length + 2),
    )
    expect(b.getXmlFragment(BODY_FRAGMENT).toString()).not.toContain('Каждый')
    expect(wordsOf(a, anchor)).toBe('removed')
    expect(wordsOf(b, anchor)).toBe('removed')
    undo.destroy()
  })

  it('is removed when its clause is deleted', () => {
    const { a, b } = twoCopies(clause)
    const anchor = anchorOn(a, 'Доступ ограничивается', 'законом')
    edit(b, (tr) => tr.delete(posOf(b, 'Право на') - 2, tr.doc.content.size))
    expect(wordsOf(a, anchor)).toBe('removed')
  })

  it('is on its words again, on both copies, when their deletion is undone', () => {
    const { a, b } = twoCopies(clause)
    const undo = new Y.UndoManager(b.getXmlFragment(BODY_FRAGMENT))
    const anchor = anchorOn(a, 'Каждый', 'доступ')
    const at = posOf(b, 'доступ к')
    edit(b, (tr) => tr.delete(at, at + 'доступ'.length))
    expect(wordsOf(a, anchor)).toBe('removed')
    undo.undo()
    expect(b.getXmlFragment(BODY_FRAGMENT).toString()).toContain('право на доступ к')
    expect(wordsOf(a, anchor)).toBe('доступ')
    expect(wordsOf(b, anchor)).toBe('доступ')
  })

  it('spans paragraphs', () => {
    const { a } = twoCopies(clause)
    const first = textsOf(a).find((t) => t.toString().startsWith('Каждый')) as Y.XmlText
    const second = textsOf(a).find((t) => t.toString().startsWith('Доступ')) as Y.XmlText
    const anchor = encodeAnchor(
      { type: first, index: 'Каждый имеет право на '.length },
      {
        type: second,
        index: 'Доступ'.length,
      },
    )
    expect(wordsOf(a, anchor)).toBe('доступ к информации.\u2029Доступ')
  })

  it('is unknown when it names another document or something outside the body', () => {
    const { a } = twoCopies(clause)
    const other = twoCopies(clause).a
    expect(wordsOf(a, anchorOn(other, 'Каждый', 'право'))).toBe('unknown')
    const settings = a.getMap('settings')
    settings.set('language', 'ru')
    const outside = Y.createRelativePositionFromTypeIndex(settings, 0)
    const encoded = btoa(String.fromCharCode(...Y.encodeRelativePosition(outside)))
    expect(wordsOf(a, { start: encoded, end: encoded })).toBe('unknown')
    expect(wordsOf(a, { start: 'not base64!', end: '' })).toBe('undecodable')
  })
})
