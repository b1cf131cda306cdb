import {
  DEFAULT_SETTINGS,
  type DocumentSettings,
  documentSchema,
  numberedClauses,
  writeSettings,
} from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clauseNumberingKey, clauseNumberingPlugin, decorateClauses } from './ClauseNumbering'

const schema = documentSchema()
const placeholder = (level: 1 | 2) => (level === 1 ? 'Heading' : 'Subheading')
const text = (value: string) => (value ? [{ type: 'text', text: value }] : [])
const paragraph = (value: string) => ({ type: 'paragraph', content: text(value) })
const clause = (id: string, heading: string, body: string, subs: string[] = []) => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: text(heading) },
    paragraph(body),
    ...subs.map((sub, i) => ({
      type: 'subclause',
      attrs: { id: `${id}s${i}` },
      content: [{ type: 'clauseHeading', content: text(sub) }, paragraph(`${sub} body`)],
    })),
  ],
})

const startState = (clauses: number) =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({
      type: 'doc',
      content: [
        paragraph('Preamble'),
        ...Array.from({ length: clauses }, (_, i) =>
          clause(`c${i}`, i % 3 === 1 ? '' : `Heading ${i}`, `Body ${i}`, i % 2 ? ['a', ''] : []),
        ),
      ],
    }),
    plugins: [clauseNumberingPlugin({ ydoc: null, placeholder })],
  })

/** Each decoration as data: where, and what it draws. */
const described = (set: DecorationSet | undefined) =>
  (set?.find() ?? [])
    .map((d) => [d.from, d.to, d.spec.key])
    .sort((a, b) => String(a).localeCompare(String(b)))

const labels = (state: EditorState) => clauseNumberingKey.getState(state)?.decorations

/** What drawing every label anew gives for this document. */
const fromScratch = (doc: PMNode) =>
  decorateClauses(doc, numberedClauses(doc), DEFAULT_SETTINGS, placeholder)

const expectRight = (state: EditorState) =>
  expect(described(labels(state))).toEqual(described(fromScratch(state.doc)))

/** Position inside the first paragraph of the n-th clause's body. */
const bodyOf = (doc: PMNode, n: number) => {
  const found = numberedClauses(doc).filter((c) => c.level === 1)[n]
  if (!found) throw new Error(`no clause ${n}`)
  const heading = found.node.child(0)
  return found.pos + 1 + heading.nodeSize + 1
}
const headingOf = (doc: PMNode, n: number) => {
  const found = numberedClauses(doc)[n]
  if (!found) throw new Error(`no clause ${n}`)
  return found.pos + 2
}

/** As the Yjs binding makes every remote change: the whole document replaced. */
const remote = (state: EditorState, change: (tr: Transaction) => void): Transaction => {
  const scratch = state.tr
  change(scratch)
  return state.tr.replaceWith(0, state.doc.content.size, scratch.doc.content)
}

describe('clause numbering', () => {
  it('keeps the labels outside the change when typing in a body, and they stay right', () => {
    const state = startState(30)
    const before = labels(state)?.find() ?? []
    const next = state.apply(state.tr.insertText('typed', bodyOf(state.doc, 20)))
    expectRight(next)
    const after = (labels(next)?.find() ?? []).map((d) => d.spec)
    // Not redrawn: the labels before the change are the very same decorations (same spec).
    const earlier = before.filter((d) => d.from < bodyOf(state.doc, 20))
    expect(earlier.length).toBeGreaterThan(10)
    for (const d of earlier) expect(after).toContain(d.spec)
  })

  it('shows and drops the placeholder as a heading empties and fills', () => {
    let state = startState(6)
    // Clause 2 (index 1) has an empty heading.
    state = state.apply(state.tr.insertText('Now named', headingOf(state.doc, 2)))
    expectRight(state)
    const named = numberedClauses(state.doc)[2]
    const heading = named?.node.child(0)
    if (!named || !heading) throw new Error('no clause')
    state = state.apply(state.tr.delete(named.pos + 2, named.pos + 2 + heading.content.size))
    expectRight(state)
    expect(described(labels(state)).some(([, , key]) => String(key).endsWith('Heading'))).toBe(true)
  })

  it('renumbers after a clause is inserted, deleted or moved', () => {
    let state = startState(8)
    const third = numberedClauses(state.doc).filter((c) => c.level === 1)[2]
    if (!third) throw new Error('no clause')
    const node = schema.nodeFromJSON(clause('new', 'Inserted', 'New body'))
    state = state.apply(state.tr.insert(third.pos, node))
    expectRight(state)
    const fifth = numberedClauses(state.doc).filter((c) => c.level === 1)[4]
    if (!fifth) throw new Error('no clause')
    state = state.apply(state.tr.delete(fifth.pos, fifth.pos + fifth.node.nodeSize))
    expectRight(state)
    // Move the first clause to the end.
    const first = numberedClauses(state.doc)[0]
    if (!first) throw new Error('no clause')
    const moved = state.tr.delete(first.pos, first.pos + first.node.nodeSize)
    moved.insert(moved.doc.content.size, first.node)
    state = state.apply(moved)
    expectRight(state)
  })

  it('stays right through remote changes, which replace the whole document', () => {
    let state = startState(20)
    state = state.apply(remote(state, (tr) => tr.insertText('far away', bodyOf(tr.doc, 15))))
    expectRight(state)
    state = state.apply(remote(state, (tr) => tr.insertText('x', headingOf(tr.doc, 4))))
    expectRight(state)
    state = state.apply(
      remote(state, (tr) => {
        const gone = numberedClauses(tr.doc).filter((c) => c.level === 1)[3]
        if (gone) tr.delete(gone.pos, gone.pos + gone.node.nodeSize)
      }),
    )
    expectRight(state)
  })

  it('draws the labels with the settings that came with the text, and keeps them while typing', () => {
    // As a document opens: one Yjs update brings the settings and the text together, and the
    // binding's transaction brings the text; the labels must not wait for a second one.
    const ydoc = new Y.Doc()
    const empty = EditorState.create({
      schema,
      plugins: [clauseNumberingPlugin({ ydoc, placeholder })],
    })
    const section: DocumentSettings = { language: 'en', clauseLabel: 'section' }
    writeSettings(ydoc, section)
    const text = startState(5).doc
    let state = empty.apply(empty.tr.replaceWith(0, empty.doc.content.size, text.content))
    const drawnWith = (settings: DocumentSettings) =>
      described(decorateClauses(state.doc, numberedClauses(state.doc), settings, placeholder))
    expect(described(labels(state))).toEqual(drawnWith(section))
    expect(described(labels(state))).not.toEqual(drawnWith(DEFAULT_SETTINGS))
    const kept = clauseNumberingKey.getState(state)?.settings
    expect(kept).toEqual(section)
    // Typing reads the same settings: the state keeps its object, so nothing is redrawn whole.
    state = state.apply(state.tr.insertText('typed', bodyOf(state.doc, 2)))
    expect(clauseNumberingKey.getState(state)?.settings).toBe(kept)
    expect(described(labels(state))).toEqual(drawnWith(section))
  })

  it('matches drawing from scratch over a random series of edits', () => {
    let seed = 16
    const random = () => {
      seed = (seed * 48271) % 2147483647
      return seed / 2147483647
    }
    let state = startState(12)
    for (let step = 0; step < 200; step++) {
      const clauses = numberedClauses(state.doc)
      const pick = clauses[Math.floor(random() * clauses.length)]
      if (!pick) break
      const heading = pick.node.child(0)
      const tr = state.tr
      const roll = random()
      if (roll < 0.3)
        tr.insertText('w', pick.pos + 2 + Math.floor(random() * (heading.content.size + 1)))
      else if (roll < 0.45 && heading.content.size > 0)
        tr.delete(pick.pos + 2, pick.pos + 2 + heading.content.size)
      else if (roll < 0.7) tr.insertText('b', pick.pos + 1 + heading.nodeSize + 1)
      else if (roll < 0.8 && pick.level === 1)
        tr.insert(pick.pos, schema.nodeFromJSON(clause(`n${step}`, random() < 0.5 ? '' : 'N', 'n')))
      else if (roll < 0.9 && clauses.length > 3 && pick.level === 1)
        tr.delete(pick.pos, pick.pos + pick.node.nodeSize)
      else tr.insertText('p', 2)
      state = state.apply(
        random() < 0.5
          ? tr
          : remote(state, (r) => r.replaceWith(0, r.doc.content.size, tr.doc.content)),
      )
      expectRight(state)
    }
  })
})
