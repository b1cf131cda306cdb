import type { JSONContent } from '@tiptap/core'
import { Fragment, Slice } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { clauseIdPlugin } from './clauseIdPlugin.js'
import { outlineOfNode } from './clauseOutline.js'
import { documentSchema } from './documentSchema.js'
import { numberedClauses } from './numberedClauses.js'

const schema = documentSchema()
const clause = (id: string | null, title: string, subs: JSONContent[] = []): JSONContent => ({
  type: 'clause',
  attrs: { id },
  content: [{ type: 'clauseHeading', content: [{ type: 'text', text: title }] }, ...subs],
})
const sub = (id: string | null): JSONContent => ({
  type: 'subclause',
  attrs: { id },
  content: [{ type: 'clauseHeading' }],
})
const stateOf = (...clauses: JSONContent[]) =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({ type: 'doc', content: clauses }),
    plugins: [clauseIdPlugin()],
  })
const ids = (state: EditorState) => numberedClauses(state.doc).map(({ node }) => node.attrs.id)
const headings = (state: EditorState) =>
  outlineOfNode(state.doc).map((e) => `${e.number}:${e.heading}`)

describe('clauseIdPlugin', () => {
  it('gives the copy a new id when a clause is pasted above its original', () => {
    const state = stateOf(clause('ca', 'A'), clause('cb', 'B'))
    const b = state.doc.child(1)
    const next = state.apply(state.tr.insert(0, b.copy(b.content)))
    expect(ids(next)[0]).not.toBe('cb')
    expect(ids(next).slice(1)).toEqual(['ca', 'cb'])
    expect(new Set(ids(next)).size).toBe(3)
  })

  it('keeps the id on the first clause when a second one with its id appears after it', () => {
    const state = stateOf(clause('ca', 'A'))
    // What a split that copies the attributes would leave behind.
    const at = state.doc.child(0).nodeSize
    const sliced = new Slice(
      Fragment.from([
        schema.nodes.clause.create({ id: 'ca' }, schema.nodes.clauseHeading.create()),
      ]),
      0,
      0,
    )
    const next = state.apply(state.tr.replace(at, at, sliced))
    expect(ids(next)[0]).toBe('ca')
    expect(ids(next)[1]).toMatch(/^c[0-9a-z]{11}$/)
  })

  it('fills in missing and malformed ids, sub-clauses included', () => {
    const state = stateOf(clause('ca', 'A'))
    const inserted = schema.nodeFromJSON(clause(null, 'B', [sub(null), sub('not a valid id!')]))
    const next = state.apply(state.tr.insert(state.doc.content.size, inserted))
    expect(ids(next)).toHaveLength(4)
    for (const id of ids(next)) expect(id).toMatch(/^[A-Za-z0-9_-]+$/)
    expect(new Set(ids(next)).size).toBe(4)
  })

  it('keeps ids when clauses move, and only the numbers follow', () => {
    const state = stateOf(clause('ca', 'A'), clause('cb', 'B'), clause('cc', 'C'))
    const a = state.doc.child(0)
    const moved = state.tr.delete(0, a.nodeSize)
    moved.insert(moved.doc.child(0).nodeSize + moved.doc.child(1).nodeSize, a)
    const next = state.apply(moved)
    expect(ids(next)).toEqual(['cb', 'cc', 'ca'])
    expect(headings(next)).toEqual(['1:B', '2:C', '3:A'])
  })

  it('repairs a duplicate made by a whole-document replacement the same way everywhere', () => {
    // What a remote change through the Yjs binding looks like: the whole content replaced.
    const state = stateOf(clause('ca', 'A'))
    const replaced = schema.nodeFromJSON({
      type: 'doc',
      content: [clause('cx', 'X'), clause('cx', 'Y')],
    })
    const tr = state.tr.replaceWith(0, state.doc.content.size, replaced.content)
    const next = state.apply(tr)
    expect(ids(next)[0]).toBe('cx')
    expect(ids(next)[1]).not.toBe('cx')
  })

  it('does nothing when every id is present and unique', () => {
    const state = stateOf(clause('ca', 'A'))
    const next = state.apply(state.tr.insertText('!', 3))
    expect(ids(next)).toEqual(['ca'])
    expect(headings(next)).toEqual(['1:A!'])
  })

  it('still repairs a duplicate arriving after typing, which skips the check', () => {
    let state = stateOf(clause('ca', 'A'), clause('cb', 'B'))
    // A keystroke first: checked, then typing in one textblock takes the short way.
    state = state.apply(state.tr.insertText('!', 3))
    state = state.apply(state.tr.insertText('?', 3))
    expect(headings(state)).toEqual(['1:A?!', '2:B'])
    // Then a remote change makes the second clause carry the first one's id.
    const replaced = schema.nodeFromJSON({
      type: 'doc',
      content: [clause('ca', 'A?!'), clause('ca', 'B')],
    })
    state = state.apply(state.tr.replaceWith(0, state.doc.content.size, replaced.content))
    expect(ids(state)[0]).toBe('ca')
    expect(ids(state)[1]).not.toBe('ca')
    expect(new Set(ids(state)).size).toBe(2)
  })
})
