import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { docToJSON, jsonToUpdate } from '../fragment.js'
import { footnoteNumbers } from './footnoteNumbers.js'

const text = (t: string) => ({ type: 'text', text: t })
const note = (t: string) => ({ type: 'footnote', content: [text(t)] })

const json = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [text('Preface'), note('First note')] },
    {
      type: 'clause',
      attrs: { id: 'c1' },
      content: [
        { type: 'clauseHeading', content: [text('Scope'), note('Heading note')] },
        { type: 'paragraph', content: [text('Body'), note('Body note'), text(' goes on.')] },
      ],
    },
  ],
}

describe('footnotes', () => {
  it('are inline nodes holding their own text, in paragraphs and clause headings', () => {
    expect(() => documentSchema().nodeFromJSON(json).check()).not.toThrow()
  })

  it('are numbered in document order, and renumber when text moves', () => {
    const doc = documentSchema().nodeFromJSON(json)
    expect(footnoteNumbers(doc).map((f) => [f.number, f.node.textContent])).toEqual([
      [1, 'First note'],
      [2, 'Heading note'],
      [3, 'Body note'],
    ])
    const moved = documentSchema().nodeFromJSON({
      ...json,
      content: [json.content[1], json.content[0]],
    })
    expect(footnoteNumbers(moved).map((f) => f.node.textContent)).toEqual([
      'Heading note',
      'Body note',
      'First note',
    ])
  })

  it('refuse a footnote inside a footnote', () => {
    const nested = {
      type: 'doc',
      content: [{ type: 'paragraph', content: [{ type: 'footnote', content: [note('x')] }] }],
    }
    expect(() => documentSchema().nodeFromJSON(nested).check()).toThrow()
  })

  it('keep their text through the Y.Doc', () => {
    const ydoc = new Y.Doc()
    Y.applyUpdate(ydoc, jsonToUpdate(json))
    expect(docToJSON(ydoc)).toEqual(documentSchema().nodeFromJSON(json).toJSON())
  })
})
