import { clauseIdPlugin, documentSchema, outlineOfNode } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type Command, EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { backspaceAtClauseStart, deleteAtClauseEnd, enterAtHeadingEnd } from './boundaryKeys'
import { deleteClause } from './deleteClause'
import { insertClause, insertSubclause } from './insertClause'
import { mergeClauseWithPrevious } from './mergeClause'
import { moveClause } from './moveClause'
import { splitClause } from './splitClause'

const schema = documentSchema()
const text = (value: string): JSONContent[] => (value ? [{ type: 'text', text: value }] : [])
const p = (value = ''): JSONContent => ({ type: 'paragraph', content: text(value) })
const h = (value = ''): JSONContent => ({ type: 'clauseHeading', content: text(value) })
const clause = (id: string, title: string, ...body: JSONContent[]): JSONContent => ({
  type: 'clause',
  attrs: { id },
  content: [h(title), ...body],
})
const sub = (id: string, title: string, ...body: JSONContent[]): JSONContent => ({
  type: 'subclause',
  attrs: { id },
  content: [h(title), ...body],
})

/** Position of `needle` in the document's text, plus `offset` characters. */
const posOf = (doc: PMNode, needle: string, offset = 0): number => {
  let found = -1
  doc.descendants((node, pos) => {
    if (found !== -1) return false
    const at = node.isText ? (node.text ?? '').indexOf(needle) : -1
    if (at !== -1) found = pos + at + offset
    return true
  })
  if (found === -1) throw new Error(`"${needle}" is not in the document`)
  return found
}

const stateAt = (content: JSONContent[], needle: string, offset = 0) => {
  const doc = schema.nodeFromJSON({ type: 'doc', content })
  return EditorState.create({
    schema,
    doc,
    selection: TextSelection.create(doc, posOf(doc, needle, offset)),
    plugins: [clauseIdPlugin()],
  })
}

const run = (state: EditorState, command: Command) => {
  let next = state
  const ok = command(state, (tr) => {
    next = next.apply(tr)
  })
  next.doc.check()
  return { ok, state: next }
}

const outline = (state: EditorState) =>
  outlineOfNode(state.doc)
    .flatMap((e) => [e, ...(e.children ?? [])])
    .map((e) => `${e.number} ${e.heading}`)
const ids = (state: EditorState) =>
  outlineOfNode(state.doc)
    .flatMap((e) => [e, ...(e.children ?? [])])
    .map((e) => e.id)
const cursorParent = (state: EditorState) => state.selection.$from.parent.type.name

const doc3 = [
  p('Преамбула'),
  clause('ca', 'A', p('тело A')),
  clause('cb', 'B', p('тело B')),
  clause('cc', 'C', p('тело C')),
]

describe('inserting clauses', () => {
  it('puts an empty clause below or above the current one, cursor in its heading', () => {
    const below = run(stateAt(doc3, 'тело A'), insertClause('below'))
    expect(outline(below.state)).toEqual(['1 A', '2 ', '3 B', '4 C'])
    expect(cursorParent(below.state)).toBe('clauseHeading')
    const above = run(stateAt(doc3, 'тело A'), insertClause('above'))
    expect(outline(above.state)).toEqual(['1 ', '2 A', '3 B', '4 C'])
    expect(ids(above.state)[0]).toMatch(/^c[0-9a-z]{11}$/)
  })

  it('from the preface, adds a clause next to the current block', () => {
    const { state } = run(stateAt(doc3, 'Преамбула'), insertClause('below'))
    expect(state.doc.child(0).type.name).toBe('paragraph')
    expect(outline(state)).toEqual(['1 ', '2 A', '3 B', '4 C'])
  })

  it('adds a sub-clause at the end of a clause, or below a sub-clause', () => {
    const first = run(stateAt(doc3, 'тело B'), insertSubclause)
    expect(outline(first.state)).toEqual(['1 A', '2 B', '2.1 ', '3 C'])
    const second = run(first.state, insertSubclause)
    expect(outline(second.state)).toEqual(['1 A', '2 B', '2.1 ', '2.2 ', '3 C'])
    expect(insertSubclause(stateAt(doc3, 'Преамбула'))).toBe(false)
  })
})

describe('splitting a clause', () => {
  it('moves the text after the cursor into a new clause; the first part keeps the id', () => {
    const state = stateAt([clause('ca', 'A', p('один два'), p('три'))], 'два')
    const { state: next } = run(state, splitClause)
    expect(outline(next)).toEqual(['1 A', '2 '])
    const [first, second] = ids(next)
    expect(first).toBe('ca')
    expect(second).not.toBe('ca')
    expect(next.doc.child(0).textContent).toBe('Aодин ')
    expect(next.doc.child(1).textContent).toBe('два' + 'три')
    expect(cursorParent(next)).toBe('clauseHeading')
  })

  it('at the start of a paragraph, leaves no empty paragraph behind', () => {
    const { state } = run(stateAt([clause('ca', 'A', p('один'), p('два'))], 'два'), splitClause)
    expect(state.doc.child(0).childCount).toBe(2)
    expect(state.doc.child(1).child(1).textContent).toBe('два')
  })

  it('in the heading, gives the rest of the heading and the body to the new clause', () => {
    const { state } = run(
      stateAt([clause('ca', 'Цели и задачи', p('тело'))], 'и задачи'),
      splitClause,
    )
    expect(outline(state)).toEqual(['1 Цели', '2 и задачи'])
    expect(state.doc.child(1).child(1).textContent).toBe('тело')
  })

  it('splits a sub-clause, not its clause', () => {
    const content = [clause('ca', 'A', sub('s1', 'один', p('x'), p('y')))]
    const { state } = run(stateAt(content, 'y'), splitClause)
    expect(outline(state)).toEqual(['1 A', '1.1 один', '1.2 '])
  })
})

describe('merging clauses', () => {
  it('pours a clause into the one before it, its heading becoming a paragraph', () => {
    const { ok, state } = run(stateAt(doc3, 'тело B'), mergeClauseWithPrevious)
    expect(ok).toBe(true)
    expect(outline(state)).toEqual(['1 A', '2 C'])
    expect(ids(state)).toEqual(['ca', 'cc'])
    const merged = state.doc.child(1)
    expect(merged.childCount).toBe(4)
    expect(merged.child(2).textContent).toBe('B')
    expect(merged.child(3).textContent).toBe('тело B')
  })

  it('is not offered for the first clause', () => {
    expect(mergeClauseWithPrevious(stateAt(doc3, 'тело A'))).toBe(false)
  })
})

describe('moving clauses', () => {
  it('moves down and up; ids move with the clause, numbers follow', () => {
    const down = run(stateAt(doc3, 'тело A', 2), moveClause('down'))
    expect(outline(down.state)).toEqual(['1 B', '2 A', '3 C'])
    expect(ids(down.state)).toEqual(['cb', 'ca', 'cc'])
    // The cursor stays where it was, inside the moved clause.
    expect(down.state.selection.$from.parent.textContent).toBe('тело A')
    expect(down.state.selection.$from.parentOffset).toBe(2)
    const up = run(down.state, moveClause('up'))
    expect(outline(up.state)).toEqual(['1 A', '2 B', '3 C'])
  })

  it('is not offered past the ends, and never moves a clause into the preface', () => {
    expect(moveClause('up')(stateAt(doc3, 'тело A'))).toBe(false)
    expect(moveClause('down')(stateAt(doc3, 'тело C'))).toBe(false)
    expect(moveClause('up')(stateAt(doc3, 'Преамбула'))).toBe(false)
  })

  it('jumps over blocks between clauses, which stay in place', () => {
    const content = [
      clause('ca', 'A'),
      { type: 'heading', attrs: { level: 2 }, content: text('Раздел') },
      clause('cb', 'B'),
    ]
    const { state } = run(stateAt(content, 'B'), moveClause('up'))
    expect(state.doc.content.content.map((n) => n.textContent)).toEqual(['B', 'A', 'Раздел'])
  })

  it('moves sub-clauses among themselves', () => {
    const content = [clause('ca', 'A', sub('s1', 'один'), sub('s2', 'два'))]
    const { state } = run(stateAt(content, 'один'), moveClause('down'))
    expect(outline(state)).toEqual(['1 A', '1.1 два', '1.2 один'])
    expect(ids(state)).toEqual(['ca', 's2', 's1'])
  })
})

describe('deleting clauses', () => {
  it('deletes by id, wherever the clause is now', () => {
    const { state } = run(stateAt(doc3, 'Преамбула'), deleteClause('cb'))
    expect(outline(state)).toEqual(['1 A', '2 C'])
    expect(deleteClause('missing')(state)).toBe(false)
  })

  it('leaves an empty paragraph when the last thing goes', () => {
    const { state } = run(stateAt([clause('ca', 'A')], 'A'), deleteClause('ca'))
    expect(state.doc.toJSON()).toEqual({
      type: 'doc',
      content: [{ type: 'paragraph', attrs: { suggestion: null } }],
    })
  })
})

describe('Backspace and Delete at clause edges', () => {
  it('removes a blank clause with Backspace at its heading start', () => {
    const inserted = run(stateAt(doc3, 'тело A'), insertClause('below')).state
    const { ok, state } = run(inserted, backspaceAtClauseStart)
    expect(ok).toBe(true)
    expect(outline(state)).toEqual(['1 A', '2 B', '3 C'])
  })

  it('leaves a clause with text alone, and lets Backspace work elsewhere', () => {
    const atHeading = stateAt(doc3, 'B')
    const { ok, state } = run(atHeading, backspaceAtClauseStart)
    expect(ok).toBe(true)
    expect(state.doc.eq(atHeading.doc)).toBe(true)
    expect(backspaceAtClauseStart(stateAt(doc3, 'тело B'))).toBe(false)
  })

  it('stops Delete from joining across a clause boundary', () => {
    expect(deleteAtClauseEnd(stateAt(doc3, 'тело A', 6))).toBe(true)
    expect(deleteAtClauseEnd(stateAt(doc3, 'Преамбула', 9))).toBe(true)
    expect(deleteAtClauseEnd(stateAt(doc3, 'тело A', 2))).toBe(false)
    expect(deleteAtClauseEnd(stateAt([clause('ca', 'A', p('x'), p('y'))], 'x', 1))).toBe(false)
  })
})

describe('Enter at the end of a heading', () => {
  it('goes into the empty paragraph a new clause has, instead of adding another', () => {
    const inserted = run(stateAt(doc3, 'тело A'), insertClause('below')).state
    const { ok, state } = run(inserted, enterAtHeadingEnd)
    expect(ok).toBe(true)
    expect(state.doc.eq(inserted.doc)).toBe(true)
    expect(cursorParent(state)).toBe('paragraph')
  })

  it('leaves Enter alone when the body already has text', () => {
    expect(enterAtHeadingEnd(stateAt(doc3, 'A', 1))).toBe(false)
  })
})
