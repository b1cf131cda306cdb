import { documentSchema } from '@accord/schema'
import { Fragment, Slice } from '@tiptap/pm/model'
import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { keepUnchangedNodes } from './RemoteChangeKeepsNodes'

const schema = documentSchema()
const text = (value: string) => ({ type: 'text', text: value })
const cell = (value: string) => ({
  type: 'tableCell',
  content: [{ type: 'paragraph', content: [text(value)] }],
})
const startState = () =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({
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
    }),
  })

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
