import { BODY_FRAGMENT, documentSchema } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model'
import { EditorState, type Transaction } from '@tiptap/pm/state'
import { canSplit } from '@tiptap/pm/transform'
import type { DecorationSet } from '@tiptap/pm/view'
import {
  initProseMirrorDoc,
  prosemirrorJSONToYXmlFragment,
  updateYFragment,
  ySyncPlugin,
  ySyncPluginKey,
  yXmlFragmentToProseMirrorRootNode,
} from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { type AuthorshipOptions, authorshipKey, authorshipPlugin } from './AuthorshipHighlights'
import { type AuthorshipInput, decorateAuthors } from './authorDecorations'

const schema = documentSchema()
const ANNA = 1001
const BORIS = 2002

const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  content: text ? [{ type: 'text', text }] : [],
})

const start: JSONContent = {
  type: 'doc',
  content: [
    paragraph('Preamble of the standard.'),
    {
      type: 'clause',
      attrs: { id: 'access' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Right of access' }] },
        paragraph('Everyone has the right.'),
        paragraph(''),
        paragraph('Within ten days.'),
      ],
    },
    paragraph('The end.'),
    paragraph('Annex.'),
  ],
}

const look = (name: string, style: number) => ({ name, color: '#000000', style })

/**
 * Anna's tab (the editor under test) and Boris's, on one shared document that Anna wrote:
 * each change of one Y.Doc reaches the other at once, as through a server.
 */
const room = ({ since: fromVersion = false } = {}) => {
  const anna = new Y.Doc()
  anna.clientID = ANNA
  const boris = new Y.Doc()
  boris.clientID = BORIS
  anna.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== boris) Y.applyUpdate(boris, update, anna)
  })
  boris.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== anna) Y.applyUpdate(anna, update, boris)
  })
  const fragment = anna.getXmlFragment(BODY_FRAGMENT)
  prosemirrorJSONToYXmlFragment(schema, start, fragment)
  const since = fromVersion ? Y.decodeStateVector(Y.encodeStateVector(anna)) : undefined
  // After Boris's 40th character his connection's words are recorded as Carol's.
  const carolFrom = Y.getState(boris.store, BORIS) + 40
  const input: AuthorshipInput = {
    clients: new Map([
      [ANNA, [{ fromClock: 0, author: 'anna' }]],
      [
        BORIS,
        [
          { fromClock: 0, author: 'boris' },
          { fromClock: carolFrom, author: 'carol' },
        ],
      ],
    ]),
    people: new Map([
      ['anna', look('Anna', 0)],
      ['boris', look('Boris', 1)],
      ['carol', look('Carol', 2)],
    ]),
    since,
  }
  const calls = { shown: 0, unknown: 0 }
  const options: AuthorshipOptions = {
    onShown: () => calls.shown++,
    onUnknown: () => calls.unknown++,
    onWhoWrote: () => undefined,
  }
  // The binding's record of which Y type each node came from: its writes follow it.
  let { doc, meta } = initProseMirrorDoc(fragment, schema)
  let state = EditorState.create({
    schema,
    doc,
    plugins: [ySyncPlugin(fragment), authorshipPlugin(options)],
  })
  state = state.apply(state.tr.setMeta(authorshipKey, { input }))
  const undo = new Y.UndoManager(fragment, { trackedOrigins: new Set([ySyncPluginKey]) })
  return {
    anna,
    boris,
    fragment,
    input,
    calls,
    undo,
    get state() {
      return state
    },
    apply(tr: Transaction) {
      state = state.apply(tr)
    },
    /** Anna types: her editor changes first, and the binding then writes it to the Y.Doc. */
    local(change: (tr: Transaction) => void) {
      const tr = state.tr
      change(tr)
      state = state.apply(tr)
      anna.transact(() => {
        updateYFragment(anna, fragment, state.doc, meta)
      }, ySyncPluginKey)
      // The binding leaves each change its own undo step.
      undo.stopCapturing()
    },
    /** What the binding does after a change to the Y.Doc: the whole document replaced. */
    fromYjs() {
      ;({ doc, meta } = initProseMirrorDoc(fragment, schema))
      const tr = state.tr
        .replace(0, state.doc.content.size, new Slice(Fragment.from(doc.content), 0, 0))
        .setMeta(ySyncPluginKey, { isChangeOrigin: true })
      state = state.apply(tr)
    },
    /** The plugin view's timer: this tab's own changes worked out. */
    recompute() {
      state = state.apply(state.tr.setMeta(authorshipKey, { recompute: true }))
    },
  }
}

/** Each decoration as data, in text order. */
const described = (set: DecorationSet | undefined) =>
  (set?.find() ?? [])
    .map((d) => [d.from, d.to, d.spec.author as string] as const)
    .sort((a, b) => a[0] - b[0])

const pluginState = (state: EditorState) => {
  const value = authorshipKey.getState(state)
  if (!value) throw new Error('no authorship state')
  return value
}

/** The plugin's colours against a whole pass over the Yjs items, for the same text. */
const expectAsFull = (r: ReturnType<typeof room>) => {
  const { state } = r
  expect(state.doc.toJSON()).toEqual(yXmlFragmentToProseMirrorRootNode(r.fragment, schema).toJSON())
  expect(described(pluginState(state).decorations)).toEqual(
    described(decorateAuthors(state.doc, r.fragment, r.input, [])),
  )
}

/** Positions inside textblocks, and their texts' Y types in another Y.Doc. */
const textblocks = (doc: PMNode) => {
  const found: { from: number; to: number }[] = []
  doc.descendants((node, pos) => {
    if (node.isTextblock) found.push({ from: pos + 1, to: pos + 1 + node.content.size })
    return !node.isTextblock
  })
  return found
}

const yTexts = (fragment: Y.XmlFragment): Y.XmlText[] => {
  const found: Y.XmlText[] = []
  const walk = (type: Y.XmlFragment | Y.XmlElement) => {
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) found.push(child)
      else if (child instanceof Y.XmlElement) walk(child)
    }
  }
  walk(fragment)
  return found
}

const words = ['а', 'право ', 'x', 'доступ', ' and ', 'aa', 'тт']

describe('authorship colours, worked out per change', () => {
  it('colour another person’s typing at once, without a pass over the whole text', () => {
    const r = room()
    const shownAtStart = r.calls.shown
    const text = yTexts(r.boris.getXmlFragment(BODY_FRAGMENT))[2] as Y.XmlText
    text.insert(8, 'really ')
    r.fromYjs()
    expectAsFull(r)
    expect(described(pluginState(r.state).decorations).map(([, , who]) => who)).toEqual([
      'anna',
      'boris',
      'anna',
    ])
    expect(r.calls.shown).toBe(shownAtStart)
  })

  it('give one person’s runs the same attributes and spec, so the view compares them at once', () => {
    const r = room()
    // Boris's words in the middle leave Anna's text in two runs.
    ;(yTexts(r.boris.getXmlFragment(BODY_FRAGMENT))[2] as Y.XmlText).insert(8, 'really ')
    r.fromYjs()
    const specs = pluginState(r.state)
      .decorations.find()
      .filter((d) => d.spec.author === 'anna')
      .map((d) => d.spec)
    expect(specs.length).toBeGreaterThan(1)
    for (const spec of specs) expect(spec).toBe(specs[0])
  })

  it('colour this tab’s own typing once the Y.Doc holds it', () => {
    const r = room()
    const end = (textblocks(r.state.doc)[0] as { to: number }).to
    r.local((tr) => tr.insertText('!', end))
    expect(pluginState(r.state).stale.length).toBeGreaterThan(0)
    r.recompute()
    expect(pluginState(r.state).stale).toEqual([])
    expectAsFull(r)
  })

  for (const [name, since] of [
    ['all the text', false],
    ['since a version', true],
  ] as const) {
    for (const seed of [1, 2, 3, 21]) {
      it(`equal a whole pass after random edits by two people and undo (${name}, seed ${seed})`, () => {
        const random = seeded(seed)
        const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T
        const r = room({ since })
        const borisFragment = r.boris.getXmlFragment(BODY_FRAGMENT)
        let compared = 0
        for (let step = 0; step < 150; step++) {
          const roll = random()
          if (roll < 0.35) {
            // Anna in her editor: type, delete, split or join.
            const blocks = textblocks(r.state.doc)
            const block = pick(blocks)
            const at = block.from + Math.floor(random() * (block.to - block.from + 1))
            const kind = random()
            if (kind < 0.5) r.local((tr) => tr.insertText(pick(words), at))
            else if (kind < 0.75) {
              const to = Math.min(r.state.doc.content.size - 1, at + 1 + Math.floor(random() * 12))
              r.local((tr) => tr.delete(at, to))
            } else if (kind < 0.9 && canSplit(r.state.doc, at)) r.local((tr) => tr.split(at))
            else r.local((tr) => tr.insertText(pick(words), block.from, block.to))
            if (random() < 0.5) r.recompute()
          } else if (roll < 0.75) {
            // Boris, in his own Y.Doc: type or delete in some text, or add a paragraph.
            const texts = yTexts(borisFragment)
            const text = pick(texts)
            const kind = random()
            if (kind < 0.55) text.insert(Math.floor(random() * (text.length + 1)), pick(words))
            else if (kind < 0.85 && text.length > 0) {
              const at = Math.floor(random() * text.length)
              text.delete(at, Math.min(text.length - at, 1 + Math.floor(random() * 8)))
            } else {
              const added = new Y.XmlElement('paragraph')
              added.insert(0, [new Y.XmlText(pick(words))])
              borisFragment.insert(Math.floor(random() * (borisFragment.length + 1)), [added])
            }
            r.fromYjs()
          } else if (roll < 0.9) {
            // Anna's undo (or redo) through the Y.Doc, as the binding's undo does.
            if (random() < 0.7) r.undo.undo()
            else r.undo.redo()
            r.fromYjs()
          } else {
            r.recompute()
          }
          // Once this tab's changes are worked out, the colours are a whole pass's.
          if (pluginState(r.state).stale.length === 0) {
            expectAsFull(r)
            compared++
          }
        }
        r.recompute()
        expectAsFull(r)
        expect(compared).toBeGreaterThan(100)
      })
    }
  }
})
