import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { BODY_FRAGMENT } from '../fragment.js'
import { encodeAnchor } from './anchorCodec.js'
import { stateBodyWithAnchorRanges } from './anchorRange.js'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })

const body: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'access' },
      content: [
        { type: 'clauseHeading', content: [text('Право на доступ')] },
        paragraph('Каждый имеет право на доступ.'),
        {
          type: 'bulletList',
          content: [
            { type: 'listItem', content: [paragraph('первый пункт')] },
            { type: 'listItem', content: [paragraph('второй пункт')] },
          ],
        },
      ],
    },
    {
      type: 'clause',
      attrs: { id: 'limits' },
      content: [
        { type: 'clauseHeading', content: [text('Ограничения')] },
        paragraph('Доступ ограничивается законом.'),
      ],
    },
  ],
}

const docWith = (content: JSONContent): Y.Doc => {
  const doc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(documentSchema(), content, doc.getXmlFragment(BODY_FRAGMENT))
  return doc
}

const textStarting = (doc: Y.Doc, start: string): Y.XmlText => {
  const walker = doc.getXmlFragment(BODY_FRAGMENT).createTreeWalker((t) => t instanceof Y.XmlText)
  const found = [...walker].find((t) => t.toString().startsWith(start))
  if (!(found instanceof Y.XmlText)) throw new Error(`no text starts with "${start}"`)
  return found
}

/** An anchor from `first` in one text to the end of `last` in another, as the editor makes it. */
const anchorAcross = (doc: Y.Doc, [a, first]: [string, string], [b, last]: [string, string]) => {
  const from = textStarting(doc, a)
  const to = textStarting(doc, b)
  return encodeAnchor(
    { type: from, index: from.toString().indexOf(first) },
    { type: to, index: to.toString().indexOf(last) + last.length },
  )
}

describe("stateBodyWithAnchorRanges: a document's text and where each comment is in it, read at once", () => {
  it('gives the editor positions of words over a heading, paragraphs, list items and clauses', () => {
    const doc = docWith(body)
    const anchors = [
      anchorAcross(doc, ['Право', 'доступ'], ['Каждый', 'Каждый имеет']),
      anchorAcross(doc, ['первый', 'пункт'], ['второй', 'второй']),
      anchorAcross(doc, ['Каждый', 'на доступ.'], ['Доступ', 'Доступ']),
    ]
    // Text typed before them after the anchors were made moves their positions, not their words.
    textStarting(doc, 'Право').insert(0, 'Новое: ')
    const { content, ranges } = stateBodyWithAnchorRanges(Y.encodeStateAsUpdate(doc), anchors)
    const node = documentSchema().nodeFromJSON(content)
    const words = ranges.map((range) => range && node.textBetween(range.from, range.to, '¶'))
    expect(words).toEqual([
      'доступ¶Каждый имеет',
      'пункт¶второй',
      'на доступ.¶первый пункт¶второй пункт¶Ограничения¶Доступ',
    ])
  })

  it('is null for an anchor whose words were deleted, or that cannot be read', () => {
    const doc = docWith(body)
    const anchor = anchorAcross(doc, ['первый', 'первый'], ['первый', 'пункт'])
    const first = textStarting(doc, 'первый')
    first.delete(0, first.length)
    const { ranges } = stateBodyWithAnchorRanges(Y.encodeStateAsUpdate(doc), [
      anchor,
      { start: 'not base64!', end: '' },
    ])
    expect(ranges).toEqual([null, null])
  })
})
