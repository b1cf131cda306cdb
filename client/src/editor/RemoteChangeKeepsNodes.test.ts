import { documentSchema } from '@accord/schema'
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import {
  type ProsemirrorBinding,
  prosemirrorToYXmlFragment,
  ySyncPlugin,
  ySyncPluginKey,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { keepUnchangedNodes, repointBinding } from './RemoteChangeKeepsNodes'

const schema = documentSchema()
const text = (value: string) => ({ type: 'text', text: value })
const cell = (value: string) => ({
  type: 'tableCell',
  content: [{ type: 'paragraph', content: [text(value)] }],
})
const startDoc = () =>
  schema.nodeFromJSON({
    type: 'doc',
    content: Array.from({ length: 12 }, (_, i) => ({
      type: 'clause',
      attrs: { id: `c${i}` },
      content: [
        { type: 'clauseHeading', content: [text(`Heading ${i}`)] },
        { type: 'paragraph', content: [text(`Body of clause ${i}.`)] },
        ...(i % 4 === 0
          ? [{ type: 'table', content: [{ type: 'tableRow', content: [cell('a'), cell('b')] }] }]
          : []),
      ],
    })),
  })
const startState = () => EditorState.create({ schema, doc: startDoc() })

/** As y-tiptap makes a remote change: every node built anew, the whole document replaced. */
const remote = (state: EditorState, change: Transaction): Transaction => {
  const rebuilt = schema.nodeFromJSON(change.doc.toJSON())
  const tr = state.tr.replace(0, state.doc.content.size, new Slice(rebuilt.content, 0, 0))
  return tr.setSelection(TextSelection.create(tr.doc, 3)).setMeta('addToHistory', false)
}

describe('a remote change keeps the unchanged nodes', () => {
  it('gives the same document, sharing every block the change did not touch', () => {
    let seed = 5
    const random = () => {
      seed = (seed * 48271) % 2147483647
      return seed / 2147483647
    }
    let state = startState()
    for (let step = 0; step < 150; step++) {
      const change = state.tr
      const size = state.doc.content.size
      const at = 1 + Math.floor(random() * (size - 2))
      const roll = random()
      try {
        if (roll < 0.5) change.insertText('w', at)
        else if (roll < 0.7)
          change.delete(at, Math.min(size - 1, at + 1 + Math.floor(random() * 8)))
        else if (roll < 0.85)
          change.insert(0, Fragment.from(state.doc.child(0).copy(state.doc.child(0).content)))
        else change.delete(0, state.doc.child(0).nodeSize)
      } catch {
        continue
      }
      if (!change.docChanged) continue
      const fromBinding = remote(state, change)
      const kept = keepUnchangedNodes(state, fromBinding)
      if (!kept) throw new Error('not rewritten')
      expect(kept.doc.eq(fromBinding.doc)).toBe(true)
      expect(kept.selection.toJSON()).toEqual(fromBinding.selection.toJSON())
      expect(kept.getMeta('addToHistory')).toBe(false)
      const next = state.apply(kept)
      // Blocks the change left alone are the very same nodes as before.
      let shared = 0
      next.doc.forEach((block) => {
        state.doc.forEach((old) => {
          if (old === block) shared++
        })
      })
      expect(shared).toBeGreaterThanOrEqual(Math.min(next.doc.childCount, state.doc.childCount) - 2)
      state = next
    }
  })
})

/**
 * A peer's Yjs document and ours, kept in sync, with y-tiptap's real binding on ours. The
 * binding talks to a view through `state`, `dispatch` and `hasFocus` only, so a plain object
 * stands in for the DOM view; every remote change passes through this extension's rewrite
 * as it does in the editor.
 */
const boundPair = () => {
  const peer = new Y.Doc()
  const ours = new Y.Doc()
  peer.on('update', (update: Uint8Array) => Y.applyUpdate(ours, update, 'peer'))
  ours.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'peer') Y.applyUpdate(peer, update, 'ours')
  })
  prosemirrorToYXmlFragment(startDoc(), peer.getXmlFragment('default'))
  const plugin = ySyncPlugin(ours.getXmlFragment('default'))
  let state = EditorState.create({ schema, plugins: [plugin] })
  const binding = (ySyncPluginKey.getState(state) as { binding: ProsemirrorBinding }).binding
  let pluginView: { update: () => void } | undefined
  const view = {
    get state() {
      return state
    },
    hasFocus: () => false,
    dispatch(tr: Transaction) {
      let applied = tr
      const meta = tr.getMeta(ySyncPluginKey) as { isChangeOrigin?: boolean } | undefined
      if (meta?.isChangeOrigin && tr.docChanged) {
        const kept = keepUnchangedNodes(state, tr)
        if (kept) {
          repointBinding(binding, tr.doc, kept.doc)
          applied = kept
        }
      }
      state = state.apply(applied)
      pluginView?.update()
    },
  }
  pluginView = plugin.spec.view?.(view as never) as { update: () => void }
  const peerFragment = peer.getXmlFragment('default')
  return {
    binding,
    peerFragment,
    get state() {
      return state
    },
    dispatch: (tr: Transaction) => view.dispatch(tr),
    /** The peer types into clause `index`'s body, as another person would. */
    peerTypes(index: number, value: string) {
      const body = (peerFragment.get(index) as Y.XmlElement).get(1) as Y.XmlElement
      ;(body.get(0) as Y.XmlText).insert(0, value)
    },
  }
}

/** Where clause `index` starts in `doc`. */
const clauseStart = (doc: PMNode, index: number) => {
  let pos = 0
  for (let i = 0; i < index; i++) pos += doc.child(i).nodeSize
  return pos
}

/** The peer's document, as the editor would show it. */
const peerDoc = (fragment: Y.XmlFragment) =>
  yXmlFragmentToProseMirrorRootNode(fragment, schema).toJSON()

/** The ids of the peer's clause elements, by element. */
const clauseIds = (fragment: Y.XmlFragment) =>
  new Map(fragment.toArray().map((el) => [el, (el as Y.XmlElement).getAttribute('id')]))

describe('the first text of a document', () => {
  it("is left as the binding's own change: an empty document has nothing to keep", () => {
    const empty = EditorState.create({ schema })
    expect(empty.doc.childCount).toBe(1)
    expect(keepUnchangedNodes(empty, remote(empty, startState().tr))).toBeNull()
    // One character is something to keep.
    const typed = empty.apply(empty.tr.insertText('x', 1))
    expect(keepUnchangedNodes(typed, remote(typed, startState().tr))).not.toBeNull()
  })
})

describe("a remote change keeps y-tiptap's cache pointing at the editor's nodes", () => {
  it('leaves every Yjs type mapped to the very node the editor now holds', () => {
    const pair = boundPair()
    pair.peerTypes(3, 'remote ')
    const fragment = pair.binding.type
    let stale = 0
    const check = (type: Y.XmlElement | Y.XmlFragment, node: PMNode) => {
      type.toArray().forEach((child, i) => {
        if (!(child instanceof Y.XmlElement)) return
        const held = node.child(i)
        if (pair.binding.mapping.get(child) !== held) stale++
        check(child, held)
      })
    }
    check(fragment, pair.state.doc)
    expect(pair.state.doc.child(3).textContent).toContain('remote Body of clause 3.')
    expect(stale).toBe(0)
  })

  it('after a remote change, a local edit and a move of kept clauses write to the right Yjs items', () => {
    const pair = boundPair()
    for (let round = 0; round < 6; round++) {
      pair.peerTypes(round % 3, `r${round} `)
      // Typing in a block the remote change did not touch.
      const inKept = 7 + (round % 3)
      pair.dispatch(pair.state.tr.insertText(`l${round}`, clauseStart(pair.state.doc, inKept) + 2))
      expect(peerDoc(pair.peerFragment)).toEqual(pair.state.doc.toJSON())

      pair.peerTypes(1, `m${round} `)
      // Clause 10 moved above clause 9 (both kept): the move must carry each clause's Yjs
      // element with it, not rewrite clause 9's element with clause 10's text and id.
      const before = clauseIds(pair.peerFragment)
      const doc = pair.state.doc
      const moved = doc.child(10)
      const tr = pair.state.tr.delete(clauseStart(doc, 10), clauseStart(doc, 11))
      tr.insert(clauseStart(doc, 9), moved)
      pair.dispatch(tr)
      expect(peerDoc(pair.peerFragment)).toEqual(pair.state.doc.toJSON())
      for (const [el, id] of clauseIds(pair.peerFragment))
        if (before.has(el)) expect(id).toBe(before.get(el))
    }
  })
})
