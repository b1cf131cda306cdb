import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { changedRange, changedTextblock } from './changedRange.js'
import { documentSchema } from './documentSchema.js'

const schema = documentSchema()
const state = EditorState.create({
  schema,
  doc: schema.nodeFromJSON({
    type: 'doc',
    content: ['aa', 'bb', 'cc'].map((text) => ({
      type: 'paragraph',
      content: [{ type: 'text', text }],
    })),
  }),
})

describe('changedRange', () => {
  it('is null for equal documents', () => {
    expect(changedRange(state.doc, state.apply(state.tr).doc)).toBeNull()
  })

  it('finds a typed character, even where the text repeats it', () => {
    // "bb" → "bbb": the scans from both ends overlap; the range still says one was added.
    const after = state.apply(state.tr.insertText('b', 6)).doc
    const range = changedRange(state.doc, after)
    expect(range).not.toBeNull()
    if (!range) return
    expect(range.endB - range.start - (range.endA - range.start)).toBe(1)
    expect(changedTextblock(state.doc, after, range)?.textContent).toBe('bbb')
  })

  it('finds the change inside a whole-document replacement (as the Yjs binding makes)', () => {
    const edited = state.apply(state.tr.insertText('x', 10)).doc
    const after = state.apply(state.tr.replaceWith(0, state.doc.content.size, edited.content)).doc
    const range = changedRange(state.doc, after)
    expect(range).toEqual({ start: 10, endA: 10, endB: 11 })
    expect(changedTextblock(state.doc, after, range ?? { start: 0, endA: 0, endB: 0 })).toBe(
      after.child(2),
    )
  })

  it('has no single textblock for a split paragraph', () => {
    const after = state.apply(state.tr.split(6)).doc
    const range = changedRange(state.doc, after)
    expect(range).not.toBeNull()
    if (range) expect(changedTextblock(state.doc, after, range)).toBeNull()
  })
})
