import { BODY_FRAGMENT, documentSchema } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { prosemirrorJSONToYXmlFragment, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { authorRuns } from './authorRuns'

const ANNA = 1001
const BORIS = 2002
const people = new Map([
  [ANNA, [{ fromClock: 0, author: 'anna' }]],
  [BORIS, [{ fromClock: 0, author: 'boris' }]],
])
const spansOf = (id: number) => people.get(id)

const clause: JSONContent = {
  type: 'doc',
  content: [
    {
      type: 'clause',
      attrs: { id: 'access' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Право на доступ' }] },
        { type: 'paragraph', content: [{ type: 'text', text: 'Каждый имеет право.' }] },
      ],
    },
    { type: 'paragraph', content: [{ type: 'text', text: 'Конец.' }] },
  ],
}

/** Anna writes the clause; Boris then types into her paragraph, in one shared document. */
const twoAuthors = () => {
  const doc = new Y.Doc()
  doc.clientID = ANNA
  const fragment = doc.getXmlFragment(BODY_FRAGMENT)
  prosemirrorJSONToYXmlFragment(documentSchema(), clause, fragment)
  const since = Y.encodeStateVector(doc)
  doc.clientID = BORIS
  const paragraph = (fragment.get(0) as Y.XmlElement).get(1) as Y.XmlElement
  const text = paragraph.get(0) as Y.XmlText
  text.insert('Каждый'.length, ' человек')
  return { doc, fragment, since: Y.decodeStateVector(since) }
}

/** Each run's text, as the editor shows it. */
const textsOf = (fragment: Y.XmlFragment, runs: ReturnType<typeof authorRuns>) => {
  const pm = yXmlFragmentToProseMirrorRootNode(fragment, documentSchema())
  return runs.map((run) => [run.author, pm.textBetween(run.from, run.to, '|')])
}

describe('authorRuns', () => {
  it('tells each person’s words apart, and joins one person’s across element boundaries', () => {
    const { fragment } = twoAuthors()
    const runs = authorRuns(fragment, documentSchema(), { spansOf })
    expect(textsOf(fragment, runs)).toEqual([
      ['anna', 'Право на доступ|Каждый'],
      ['boris', ' человек'],
      ['anna', ' имеет право.|Конец.'],
    ])
  })

  it('since a state vector, only what was written after it', () => {
    const { fragment, since } = twoAuthors()
    const runs = authorRuns(fragment, documentSchema(), { spansOf, since })
    expect(textsOf(fragment, runs)).toEqual([['boris', ' человек']])
  })

  it('leaves out text of unknown client ids, naming each of them once', () => {
    const { fragment } = twoAuthors()
    const unknown: number[] = []
    const runs = authorRuns(fragment, documentSchema(), {
      spansOf: (id) => (id === BORIS ? people.get(BORIS) : undefined),
      onUnknown: (id) => unknown.push(id),
    })
    expect(textsOf(fragment, runs)).toEqual([['boris', ' человек']])
    expect(unknown).toEqual([ANNA])
  })

  it('counts deleted text out, so positions stay those of the editor', () => {
    const { doc, fragment } = twoAuthors()
    doc.clientID = ANNA
    const heading = (fragment.get(0) as Y.XmlElement).get(0) as Y.XmlElement
    ;(heading.get(0) as Y.XmlText).delete(0, 'Право на '.length)
    const runs = authorRuns(fragment, documentSchema(), { spansOf })
    expect(textsOf(fragment, runs)).toEqual([
      ['anna', 'доступ|Каждый'],
      ['boris', ' человек'],
      ['anna', ' имеет право.|Конец.'],
    ])
  })

  it('splits text under one client id where another person’s span begins', () => {
    const { doc, fragment } = twoAuthors()
    // Someone else's connection went on under Boris's id: the server recorded it as Carol's.
    const from = Y.getState(doc.store, BORIS)
    const paragraph = (fragment.get(0) as Y.XmlElement).get(1) as Y.XmlElement
    ;(paragraph.get(0) as Y.XmlText).insert('Каждый человек'.length, ' и гражданин')
    const spans = new Map(people)
    spans.set(BORIS, [
      { fromClock: 0, author: 'boris' },
      { fromClock: from, author: 'carol' },
    ])
    const runs = authorRuns(fragment, documentSchema(), { spansOf: (id) => spans.get(id) })
    expect(textsOf(fragment, runs)).toEqual([
      ['anna', 'Право на доступ|Каждый'],
      ['boris', ' человек'],
      ['carol', ' и гражданин'],
      ['anna', ' имеет право.|Конец.'],
    ])
  })
})
