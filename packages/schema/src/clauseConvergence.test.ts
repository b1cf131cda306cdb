import type { JSONContent } from '@tiptap/core'
import { Fragment, type Node as PMNode, Slice } from '@tiptap/pm/model'
import { updateYFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { clauseOutline, type OutlineEntry } from './clauseOutline.js'
import { documentSchema } from './documentSchema.js'
import { BODY_FRAGMENT, docToJSON } from './fragment.js'
import { newClauseId } from './newClauseId.js'
import { numberedClauses } from './numberedClauses.js'
import { templateUpdate } from './templateDocument.js'

/*
 * Replicas are edited through y-tiptap's own ProseMirror → Yjs diff (`updateYFragment`, what
 * the editor's Collaboration binding runs on every change) and synced by exchanging updates.
 */
const schema = documentSchema()
type Mapping = Parameters<typeof updateYFragment>[3]['mapping']

/**
 * Which Y element holds which ProseMirror node, as the binding remembers it between changes:
 * with it, the diff recognises a moved clause instead of rewriting its neighbours in place.
 */
const mapElements = (parent: Y.XmlFragment | Y.XmlElement, node: PMNode, mapping: Mapping) => {
  const elements = parent.toArray().filter((child) => child instanceof Y.XmlElement)
  const nodes: PMNode[] = []
  node.forEach((child) => {
    if (!child.isText) nodes.push(child)
  })
  elements.forEach((element, i) => {
    const child = nodes[i]
    if (!child) return
    mapping.set(element, child)
    mapElements(element, child, mapping)
  })
  return mapping
}

const replica = (base: Uint8Array): Y.Doc => {
  const ydoc = new Y.Doc()
  Y.applyUpdate(ydoc, base)
  return ydoc
}

const edit = (ydoc: Y.Doc, change: (doc: PMNode) => PMNode): void => {
  const fragment = ydoc.getXmlFragment(BODY_FRAGMENT)
  const current = yXmlFragmentToProseMirrorRootNode(fragment, schema)
  const mapping = mapElements(fragment, current, new Map())
  const next = change(current)
  next.check()
  ydoc.transact(() => updateYFragment(ydoc, fragment, next, { mapping, isOMark: new Map() }))
}

const sync = (...docs: Y.Doc[]): void => {
  for (const from of docs)
    for (const to of docs)
      if (from !== to) Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)))
}

const clauseNode = (title: string): PMNode => {
  const json: JSONContent = {
    type: 'clause',
    attrs: { id: newClauseId() },
    content: [
      { type: 'clauseHeading', content: [{ type: 'text', text: title }] },
      { type: 'paragraph' },
    ],
  }
  return schema.nodeFromJSON(json)
}

const topClauses = (doc: PMNode) => numberedClauses(doc).filter((c) => c.level === 1)

/** Puts `clause` before the clause now at 0-based `index` (or after the last one). */
const insertAt =
  (index: number, clause: PMNode) =>
  (doc: PMNode): PMNode => {
    const target = topClauses(doc)[index]
    const pos = target?.pos ?? doc.content.size
    return doc.replace(pos, pos, new Slice(Fragment.from(clause), 0, 0))
  }

const removeAt =
  (index: number) =>
  (doc: PMNode): PMNode => {
    const target = topClauses(doc)[index]
    if (!target || topClauses(doc).length < 2) return doc
    return doc.replace(target.pos, target.pos + target.node.nodeSize, Slice.empty)
  }

/** Moves the clause at `index` below the next one as the editor does: out, then back in. */
const moveDown = (ydoc: Y.Doc, index: number): void => {
  const doc = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FRAGMENT), schema)
  const clause = topClauses(doc)[index]?.node
  if (!clause || !topClauses(doc)[index + 1]) return
  edit(ydoc, (current) => {
    const here = topClauses(current)[index]
    return here ? current.replace(here.pos, here.pos + here.node.nodeSize, Slice.empty) : current
  })
  edit(ydoc, insertAt(index + 1, clause))
}

/** Types `text` at the end of the heading of the clause at `index`. */
const typeInHeading =
  (index: number, text: string) =>
  (doc: PMNode): PMNode => {
    const here = topClauses(doc)[index]
    if (!here) return doc
    const end = here.pos + 1 + (here.node.firstChild?.nodeSize ?? 2) - 1
    return doc.replace(end, end, new Slice(Fragment.from(schema.text(text)), 0, 0))
  }

const renumbered = (outline: OutlineEntry[]) => outline.map((e) => `${e.number} ${e.heading}`)

/** A small deterministic generator (mulberry32), so a failing run can be replayed. */
const seeded = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0
  let t = seed
  t = Math.imul(t ^ (t >>> 15), t | 1)
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296
}

describe('clause numbering across replicas', () => {
  it('numbers two people’s concurrent inserts the same way for both', () => {
    const base = templateUpdate({ title: 'Стандарт', clauses: 2, language: 'ru' })
    const anna = replica(base)
    const ben = replica(base)
    edit(anna, insertAt(1, clauseNode('Анна')))
    edit(ben, insertAt(1, clauseNode('Бен')))
    edit(ben, insertAt(0, clauseNode('Бен в начале')))
    // Before they sync, each sees only their own inserts numbered.
    expect(renumbered(clauseOutline(docToJSON(anna)))).toEqual(['1 ', '2 Анна', '3 '])

    sync(anna, ben)
    const annaSees = clauseOutline(docToJSON(anna))
    expect(annaSees).toEqual(clauseOutline(docToJSON(ben)))
    expect(annaSees.map((e) => e.number)).toEqual(['1', '2', '3', '4', '5'])
    expect(annaSees[0]?.heading).toBe('Бен в начале')
    expect(annaSees.map((e) => e.heading).filter((h) => h === 'Анна' || h === 'Бен')).toHaveLength(
      2,
    )
    expect(new Set(annaSees.map((e) => e.id)).size).toBe(5)
  })

  it('keeps ids through a move while the numbers follow the new order', () => {
    const base = templateUpdate({ title: 'T', clauses: 0, language: 'ru' })
    const anna = replica(base)
    edit(anna, insertAt(0, clauseNode('A')))
    edit(anna, insertAt(1, clauseNode('B')))
    const ben = replica(Y.encodeStateAsUpdate(anna))
    const before = clauseOutline(docToJSON(ben))
    moveDown(anna, 0)
    // Meanwhile Ben edits the clause that stays put; his words stay in it.
    edit(ben, typeInHeading(1, ' (Бен)'))
    sync(anna, ben)
    const after = clauseOutline(docToJSON(ben))
    expect(after).toEqual(clauseOutline(docToJSON(anna)))
    expect(renumbered(after)).toEqual(['1 B (Бен)', '2 A'])
    expect(after.map((e) => e.id)).toEqual([before[1]?.id, before[0]?.id])
  })

  it('converges under a seeded mix of concurrent inserts, deletions and moves', () => {
    const random = seeded(20241009)
    const base = templateUpdate({ title: 'T', clauses: 4, language: 'ru' })
    const people = [replica(base), replica(base), replica(base)]
    for (let round = 0; round < 40; round += 1) {
      for (const [who, ydoc] of people.entries()) {
        const count = topClauses(
          yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FRAGMENT), schema),
        ).length
        const index = Math.floor(random() * (count + 1))
        const roll = random()
        if (roll < 0.5) edit(ydoc, insertAt(index, clauseNode(`${who}-${round}`)))
        else if (roll < 0.75) edit(ydoc, removeAt(index))
        else moveDown(ydoc, index)
      }
      // Sometimes only two of the three talk to each other.
      if (random() < 0.5) sync(...people)
      else sync(people[0] as Y.Doc, people[1] as Y.Doc)
    }
    sync(...people)
    const outlines = people.map((ydoc) => clauseOutline(docToJSON(ydoc)))
    expect(outlines[1]).toEqual(outlines[0])
    expect(outlines[2]).toEqual(outlines[0])
    const numbers = (outlines[0] ?? []).map((e) => e.number)
    expect(numbers).toEqual(numbers.map((_, i) => String(i + 1)))
    for (const ydoc of people) {
      expect(() =>
        yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(BODY_FRAGMENT), schema).check(),
      ).not.toThrow()
    }
  })
})
