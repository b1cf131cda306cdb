import {
  clauseReferenceLabels,
  DEFAULT_SETTINGS,
  documentSchema,
  writeSettings,
} from '@accord/schema'
import { sortExtensions } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ClauseNumbering, clauseNumberingKey, clauseNumberingPlugin } from '../ClauseNumbering'
import {
  ClauseReferenceLabels,
  referenceDecorations,
  referenceLabelsPlugin,
} from './ClauseReferenceLabels'

const schema = documentSchema()
const text = (value: string) => ({ type: 'text', text: value })
const ref = (clauseId: string) => ({ type: 'clauseRef', attrs: { clauseId } })
const clause = (id: string, body: object[], subs = 0) => ({
  type: 'clause',
  attrs: { id },
  content: [
    { type: 'clauseHeading', content: [text(`Heading ${id}`)] },
    { type: 'paragraph', content: body },
    ...Array.from({ length: subs }, (_, i) => ({
      type: 'subclause',
      attrs: { id: `${id}s${i}` },
      content: [{ type: 'clauseHeading' }, { type: 'paragraph', content: [text('Sub body')] }],
    })),
  ],
})

/** Clauses c0…c(n-1); every third refers to the next one and to a sub-clause of c1. */
const startState = (clauses: number) =>
  EditorState.create({
    schema,
    doc: schema.nodeFromJSON({
      type: 'doc',
      content: Array.from({ length: clauses }, (_, i) =>
        clause(
          `c${i}`,
          i % 3 === 0
            ? [text('See '), ref(`c${(i + 1) % clauses}`), text(' and '), ref('c1s0')]
            : [text(`Body ${i}`)],
          i === 1 ? 2 : 0,
        ),
      ),
    }),
    plugins: [
      clauseNumberingPlugin({ ydoc: null, placeholder: () => '' }),
      referenceLabelsPlugin(() => 'gone'),
    ],
  })

/** What the labels say, by position, in the editor and by the shared rule. */
const drawn = (state: EditorState) =>
  (referenceDecorations(state)?.find() ?? [])
    .map((d) => [d.from, d.spec.label, d.spec.missing])
    .sort((a, b) => Number(a[0]) - Number(b[0]))
const expected = (doc: PMNode) =>
  clauseReferenceLabels(doc, DEFAULT_SETTINGS.clauseLabel, DEFAULT_SETTINGS.language).map((r) => [
    r.pos,
    r.label,
    r.number === null,
  ])
const expectRight = (state: EditorState) => expect(drawn(state)).toEqual(expected(state.doc))

/** Top-level clauses with where each starts. */
const clausesOf = (doc: PMNode) => {
  const found: { pos: number; node: PMNode }[] = []
  doc.forEach((node, pos) => {
    found.push({ pos, node })
  })
  return found
}

/** As the Yjs binding makes every remote change: the whole document replaced. */
const remote = (state: EditorState, tr: Transaction): Transaction =>
  state.tr.replaceWith(0, state.doc.content.size, tr.doc.content)

describe('cross-reference labels', () => {
  it('follow their clauses through typing, moves, deletions and new references', () => {
    let state = startState(9)
    expectRight(state)
    expect(drawn(state)[0]).toEqual([expect.any(Number), 'Статья 2', false])
    // c1 moves to the end: references to it and to its sub-clause read the new number.
    const [, second] = clausesOf(state.doc)
    if (!second) throw new Error('no clause')
    const move = state.tr.delete(second.pos, second.pos + second.node.nodeSize)
    move.insert(move.doc.content.size, second.node)
    state = state.apply(move)
    expectRight(state)
    expect(drawn(state).map(([, label]) => label)).toContain('Статья 9.1')
    // c4 deleted: the reference to it says so.
    const gone = clausesOf(state.doc).find(({ node }) => node.attrs.id === 'c4')
    if (!gone) throw new Error('no clause')
    state = state.apply(state.tr.delete(gone.pos, gone.pos + gone.node.nodeSize))
    expectRight(state)
    expect(drawn(state).some(([, label, missing]) => label === 'Статья ?' && missing)).toBe(true)
  })

  it('match the shared rule over a random series of local and remote edits', () => {
    let seed = 7
    const random = () => {
      seed = (seed * 48271) % 2147483647
      return seed / 2147483647
    }
    let state = startState(12)
    const ids = Array.from({ length: 14 }, (_, i) => `c${i}`)
    for (let step = 0; step < 200; step++) {
      const clauses = clausesOf(state.doc)
      const pick = clauses[Math.floor(random() * clauses.length)]
      if (!pick) break
      const body = pick.pos + 1 + (pick.node.firstChild?.nodeSize ?? 0) + 1
      const tr = state.tr
      const roll = random()
      if (roll < 0.35) tr.insertText('w', body)
      else if (roll < 0.55)
        tr.insert(body, schema.nodeFromJSON(ref(ids[Math.floor(random() * ids.length)] ?? 'c0')))
      else if (roll < 0.65 && clauses.length > 4) tr.delete(pick.pos, pick.pos + pick.node.nodeSize)
      else if (roll < 0.75)
        tr.insert(pick.pos, schema.nodeFromJSON(clause(`c${12 + (step % 2)}`, [text('New')])))
      else if (roll < 0.85) {
        // The first reference in the clause goes.
        let at = -1
        pick.node.descendants((node, pos) => {
          if (at < 0 && node.type.name === 'clauseRef') at = pick.pos + 1 + pos
        })
        if (at >= 0) tr.delete(at, at + 1)
        else tr.insertText('x', body)
      } else {
        tr.delete(pick.pos, pick.pos + pick.node.nodeSize)
        tr.insert(tr.doc.content.size, pick.node)
      }
      state = state.apply(random() < 0.5 ? tr : remote(state, tr))
      expectRight(state)
    }
  })
})

describe('cross-reference labels in the document language', () => {
  /** `clauses` with both plugins, the numbering reading its settings from `ydoc`. */
  const withSettingsOf = (ydoc: Y.Doc, clauses: object[]) =>
    EditorState.create({
      schema,
      doc: schema.nodeFromJSON({ type: 'doc', content: clauses }),
      plugins: [
        clauseNumberingPlugin({ ydoc, placeholder: () => '' }),
        referenceLabelsPlugin(() => 'gone'),
      ],
    })

  it("read the numbering's settings, in the order Tiptap gives the plugins, at the start and when the settings change", () => {
    // As every editor lists them: the numbering, then the references.
    const ordered = sortExtensions(
      [ClauseNumbering.configure({}), ClauseReferenceLabels.configure({})].reverse(),
    ).map((extension) => extension.name)
    expect(ordered).toEqual(['clauseNumbering', 'clauseReferenceLabels'])

    const ydoc = new Y.Doc()
    writeSettings(ydoc, { language: 'en', clauseLabel: 'article' })
    let state = withSettingsOf(ydoc, [
      clause('c0', [text('See '), ref('c1')]),
      clause('c1', [text('Body')]),
    ])
    expect(drawn(state).map(([, label]) => label)).toEqual(['Article 2'])
    state = state.apply(
      state.tr.setMeta(clauseNumberingKey, { settings: { language: 'ru', clauseLabel: 'clause' } }),
    )
    expect(drawn(state).map(([, label]) => label)).toEqual(['Пункт 2'])
  })

  it('follow settings that came with a change of the text elsewhere, as one Yjs update brings them', () => {
    const ydoc = new Y.Doc()
    writeSettings(ydoc, { language: 'en', clauseLabel: 'article' })
    let state = withSettingsOf(ydoc, [
      clause('c0', [text('See '), ref('c2')]),
      clause('c1', [text('Body')]),
      clause('c2', [text('Body')]),
    ])
    expect(drawn(state).map(([, label]) => label)).toEqual(['Article 3'])
    // Another person's settings and typing in the last clause, far from the reference.
    writeSettings(ydoc, { language: 'en', clauseLabel: 'section' })
    const typed = state.tr.insertText('more', state.doc.content.size - 3)
    state = state.apply(remote(state, typed))
    expect(drawn(state).map(([, label]) => label)).toEqual(['§ 3'])
  })
})
