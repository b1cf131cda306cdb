import type { CommentThread } from '@accord/protocol'
import { BODY_FRAGMENT, documentSchema } from '@accord/schema'
import { Fragment, Slice } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import {
  initProseMirrorDoc,
  prosemirrorJSONToYXmlFragment,
  ySyncPlugin,
  ySyncPluginKey,
} from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorFromRange } from './anchors'
import { followHighlights, type HighlightInput, highlightsOf } from './highlightDecorations'

const schema = documentSchema()
const TEXTS = ['Preamble of the standard.', 'Everyone has the right of access.', 'The end.']

/**
 * Anna's editor state over a Y.Doc that Boris's changes reach, as the binding keeps it: after
 * each change to the Y.Doc the whole document is replaced, its binding's mapping renewed.
 */
const room = () => {
  const anna = new Y.Doc()
  const boris = new Y.Doc()
  anna.on('update', (update: Uint8Array) => Y.applyUpdate(boris, update))
  boris.on('update', (update: Uint8Array) => Y.applyUpdate(anna, update))
  const fragment = anna.getXmlFragment(BODY_FRAGMENT)
  prosemirrorJSONToYXmlFragment(
    schema,
    {
      type: 'doc',
      content: TEXTS.map((text) => ({ type: 'paragraph', content: [{ type: 'text', text }] })),
    },
    fragment,
  )
  const bound = () => {
    const { doc, meta } = initProseMirrorDoc(fragment, schema)
    return { doc, binding: { doc: anna, type: fragment, mapping: meta.mapping } }
  }
  const { doc, binding } = bound()
  let state = EditorState.create({ schema, doc, plugins: [ySyncPlugin(fragment)] })
  state = state.apply(state.tr.setMeta(ySyncPluginKey, { binding }))
  return {
    get state() {
      return state
    },
    /** Boris's change arrives: the state before it, and after. */
    remote(change: (fragment: Y.XmlFragment) => void) {
      const before = state
      change(boris.getXmlFragment(BODY_FRAGMENT))
      const { doc, binding } = bound()
      state = state.apply(
        state.tr
          .replace(0, state.doc.content.size, new Slice(Fragment.from(doc.content), 0, 0))
          .setMeta(ySyncPluginKey, { isChangeOrigin: true, binding }),
      )
      return before
    },
  }
}

/** Where `words` is in the text (the first time it appears). */
const findWords = (state: EditorState, words: string) => {
  let found: { from: number; to: number } | undefined
  state.doc.descendants((node, pos) => {
    const at = node.isText ? (node.text ?? '').indexOf(words) : -1
    if (!found && at >= 0) found = { from: pos + at, to: pos + at + words.length }
  })
  if (!found) throw new Error(`no "${words}"`)
  return found
}

const threadOn = (state: EditorState, id: string, words: string): CommentThread => {
  const { from, to } = findWords(state, words)
  const anchor = anchorFromRange(state, from, to)
  if (!anchor) throw new Error('no binding')
  return { id, status: 'open', anchor } as CommentThread
}

/** Each highlight as data, in text order. */
const described = (set: DecorationSet) =>
  set
    .find()
    .map((d) => [d.from, d.to, d.spec.threadId as string, d.spec.active as boolean] as const)
    .sort((a, b) => a[0] - b[0])

const byThread = (set: DecorationSet, id: string) => set.find().find((d) => d.spec.threadId === id)

/** A highlight's own record: kept when the set is mapped, new when it is made anew. */
const drawnAs = (set: DecorationSet, id: string) => byThread(set, id)?.spec

const textOf = (state: EditorState, set: DecorationSet, id: string) => {
  const d = byThread(set, id)
  return d && state.doc.textBetween(d.from, d.to)
}

describe('followHighlights', () => {
  const setUp = () => {
    const r = room()
    const input: HighlightInput = {
      threads: [
        threadOn(r.state, 'preamble', 'standard'),
        threadOn(r.state, 'access', 'right of access'),
        threadOn(r.state, 'end', 'The end'),
      ],
      activeId: 'end',
    }
    const drawn = highlightsOf(r.state, input)
    expect(described(drawn).map(([, , id]) => id)).toEqual(['preamble', 'access', 'end'])
    return { r, input, drawn }
  }

  it('follows an insertion before the words, redrawing no other thread', () => {
    const { r, input, drawn } = setUp()
    const before = r.remote((body) => {
      const text = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText
      text.insert(0, 'Truly, ')
    })
    const next = followHighlights(drawn, before.doc, r.state, input)
    expect(described(next)).toEqual(described(highlightsOf(r.state, input)))
    expect(textOf(r.state, next, 'access')).toBe('right of access')
    expect(textOf(r.state, next, 'end')).toBe('The end')
    // Mapped, not made anew: the threads away from the change keep their decorations.
    expect(drawnAs(next, 'preamble')).toBe(drawnAs(drawn, 'preamble'))
    expect(drawnAs(next, 'end')).toBe(drawnAs(drawn, 'end'))
  })

  it('follows a deletion inside the words and drops words removed', () => {
    const { r, input, drawn } = setUp()
    const inside = r.remote((body) => {
      const text = (body.get(1) as Y.XmlElement).get(0) as Y.XmlText
      text.delete(text.toString().indexOf('of '), 3)
    })
    const shrunk = followHighlights(drawn, inside.doc, r.state, input)
    expect(described(shrunk)).toEqual(described(highlightsOf(r.state, input)))
    expect(textOf(r.state, shrunk, 'access')).toBe('right access')
    expect(drawnAs(shrunk, 'preamble')).toBe(drawnAs(drawn, 'preamble'))
    expect(drawnAs(shrunk, 'end')).toBe(drawnAs(drawn, 'end'))

    const removed = r.remote((body) => body.delete(2, 1))
    const gone = followHighlights(shrunk, removed.doc, r.state, input)
    expect(described(gone)).toEqual(described(highlightsOf(r.state, input)))
    expect(byThread(gone, 'end')).toBeUndefined()
  })

  it('redraws only the threads whose look changed when another one becomes active', () => {
    const { r, input, drawn } = setUp()
    const next = followHighlights(drawn, null, r.state, { ...input, activeId: 'access' })
    expect(described(next)).toEqual(
      described(highlightsOf(r.state, { ...input, activeId: 'access' })),
    )
    expect(drawnAs(next, 'preamble')).toBe(drawnAs(drawn, 'preamble'))
    expect(drawnAs(next, 'end')).not.toBe(drawnAs(drawn, 'end'))
  })
})
