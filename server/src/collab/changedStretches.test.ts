import { checkSuggestOnly, documentSchema, type SuggestionAuthor } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { editAs, pmDoc, posOf, writeBody } from '../../test/utils/editAs.js'
import { changedStretches } from './changedStretches.js'
import type { Trial } from './ScratchCopy.js'

const ann: SuggestionAuthor = { authorId: 'ann', authorName: 'Ann' }
const bob: SuggestionAuthor = { authorId: 'bob', authorName: 'Bob' }

const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
})

/** A long body: numbered paragraphs, and a clause in the middle. */
const body = (count: number): JSONContent => ({
  type: 'doc',
  content: [
    ...Array.from({ length: count }, (_, i) => paragraph(`Paragraph ${i} says something.`)),
    {
      type: 'clause',
      attrs: { id: 'scope' },
      content: [
        { type: 'clauseHeading', content: [{ type: 'text', text: 'Scope' }] },
        paragraph('The rules apply to members.'),
      ],
    },
    ...Array.from({ length: count }, (_, i) => paragraph(`Closing ${i} says more.`)),
  ],
})

/** A document with Bob's suggestion in it, as the server holds it. */
const seeded = (count = 20): Y.Doc => {
  const doc = new Y.Doc()
  writeBody(doc, body(count))
  editAs(doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), bob)
  return doc
}

/** What Ann's client sends for an edit of `live`, tried on a copy the way ScratchCopy does. */
const trialOf = (live: Y.Doc, edit: (tr: Transaction) => void, author?: SuggestionAuthor) => {
  const client = new Y.Doc()
  Y.applyUpdate(client, Y.encodeStateAsUpdate(live))
  const sent: Uint8Array[] = []
  client.on('update', (u: Uint8Array) => sent.push(u))
  editAs(client, edit, author)
  const copy = new Y.Doc()
  copy.getXmlFragment('default')
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live))
  let transaction: Y.Transaction | undefined
  Y.transact(copy, (tr) => {
    transaction = tr
    for (const u of sent) Y.applyUpdate(copy, u)
  })
  return { copy, transaction: transaction as Y.Transaction } satisfies Trial
}

/** The verdict on the whole documents, and the one on the changed stretches only. */
const verdicts = (live: Y.Doc, trial: Trial) => {
  const whole = checkSuggestOnly(pmDoc(live), pmDoc(trial.copy), ann.authorId)
  const stretches = changedStretches(live, trial)
  const found = stretches.map((s) => checkSuggestOnly(s.before, s.after, ann.authorId))
  return { whole: whole?.reason ?? null, stretches: found.find((v) => v)?.reason ?? null }
}

describe('changedStretches', () => {
  it('gives the same verdict as the whole document, for suggestions and for everything else', () => {
    const cases: [
      string,
      (tr: Transaction) => void,
      SuggestionAuthor | undefined,
      string | null,
    ][] = [
      ['a suggestion', (tr) => tr.insertText(' new', posOf(tr.doc, ' says something.')), ann, null],
      [
        'a direct edit',
        (tr) => tr.insertText('X', posOf(tr.doc, 'Paragraph 3')),
        undefined,
        'textChanged',
      ],
      [
        "a change to Bob's suggestion",
        (tr) => tr.delete(posOf(tr.doc, ' all'), posOf(tr.doc, ' all') + 4),
        undefined,
        'othersChanged',
      ],
      [
        'a paragraph deleted outright',
        (tr) => {
          const from = posOf(tr.doc, 'Paragraph 5') - 1
          tr.delete(from, from + tr.doc.resolve(from + 1).parent.nodeSize)
        },
        undefined,
        'textChanged',
      ],
      [
        'a paragraph suggested',
        (tr) => {
          const at = posOf(tr.doc, 'Paragraph 7') - 1
          tr.insert(at, documentSchema().node('paragraph', null, documentSchema().text('Added')))
        },
        ann,
        null,
      ],
      [
        'edits far apart, one of them direct',
        (tr) => {
          tr.insertText('Z', posOf(tr.doc, 'Closing 19'))
          tr.insertText('Y', posOf(tr.doc, 'Paragraph 0'))
        },
        undefined,
        'textChanged',
      ],
      [
        'suggestions far apart',
        (tr) => {
          tr.insertText(' z', posOf(tr.doc, ' more.'))
          tr.insertText(' y', posOf(tr.doc, ' something.'))
        },
        ann,
        null,
      ],
    ]
    for (const [name, edit, author, expected] of cases) {
      const live = seeded()
      const { whole, stretches } = verdicts(live, trialOf(live, edit, author))
      expect(whole, name).toBe(expected)
      expect(stretches, name).toBe(expected)
    }
  })

  it('reads only the blocks an update touched and their neighbours, however long the document', () => {
    const live = seeded(1500)
    const trial = trialOf(live, (tr) => tr.insertText(' new', posOf(tr.doc, ' all')), ann)
    const [stretch, ...more] = changedStretches(live, trial)
    expect(more).toHaveLength(0)
    // The clause (heading and paragraph inside it), and a paragraph on either side.
    expect(stretch?.before.childCount).toBe(3)
    expect(stretch?.after.childCount).toBe(3)

    const apart = trialOf(
      live,
      (tr) => {
        tr.insertText(' y', posOf(tr.doc, 'Paragraph 3 says'))
        tr.insertText(' z', posOf(tr.doc, 'Closing 1400 says'))
      },
      ann,
    )
    expect(changedStretches(live, apart).map((s) => s.before.childCount)).toEqual([3, 3])
  })

  it('sees nothing to compare when the body did not change', () => {
    const live = seeded()
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(live))
    let transaction: Y.Transaction | undefined
    Y.transact(copy, (tr) => {
      transaction = tr
      copy.getMap('settings').set('language', 'en')
    })
    expect(changedStretches(live, { copy, transaction: transaction as Y.Transaction })).toEqual([])
  })
})
