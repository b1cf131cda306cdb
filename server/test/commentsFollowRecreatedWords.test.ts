import type { CommentThread } from '@accord/protocol'
import { BODY_FRAGMENT, type EncodedAnchor } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { anchorOnWords, textsOf, wordsOfAnchor } from './utils/anchors.js'
import { editAs, pmDoc, posOf, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const text = (value: string): JSONContent => ({ type: 'text', text: value })
const paragraph = (value: string): JSONContent => ({ type: 'paragraph', content: [text(value)] })
const clause = (id: string, heading: string, ...body: string[]): JSONContent => ({
  type: 'clause',
  attrs: { id },
  content: [{ type: 'clauseHeading', content: [text(heading)] }, ...body.map(paragraph)],
})

/** Three clauses; "доступ" stands in a heading and in several paragraphs. */
const charter: JSONContent = {
  type: 'doc',
  content: [
    clause('aim', 'Цель', 'Закон обеспечивает доступ к информации.'),
    clause(
      'access',
      'Право на доступ',
      'Каждый имеет право на доступ к сведениям.',
      'Доступ ограничивается законом.',
    ),
    clause('terms', 'Термины', 'Слова значат то, что они значат.'),
  ],
}

/** The words a thread's stored anchor is on in `doc`, or "removed". */
const wordsOf = (doc: Y.Doc, thread: CommentThread): string => wordsOfAnchor(doc, thread.anchor)

/** The clause a ProseMirror position is in, found by id. */
const clauseNode = (doc: Y.Doc, id: string) => {
  let found: { pos: number; size: number; json: JSONContent } | undefined
  pmDoc(doc).forEach((node, pos) => {
    if (node.attrs.id === id) found = { pos, size: node.nodeSize, json: node.toJSON() }
  })
  if (!found) throw new Error(`no clause ${id}`)
  return found
}

/** Moves a clause after another the way the editor does: out, then back in, two changes. */
const moveAfter = (doc: Y.Doc, id: string, afterId: string) => {
  const moving = clauseNode(doc, id)
  editAs(doc, (tr) => tr.delete(moving.pos, moving.pos + moving.size))
  const target = clauseNode(doc, afterId)
  editAs(doc, (tr) =>
    tr.insert(target.pos + target.size, pmDoc(doc).type.schema.nodeFromJSON(moving.json)),
  )
}

describe('comments follow their words when the words are re-created, and only then', () => {
  const t = useTestServer()

  const setup = async () => {
    const { alice, docId, a, b } = await t.twoMembersInOneDocument()
    writeBody(a.doc, charter)
    await vi.waitFor(() => expect(pmDoc(b.doc).textContent).toContain('Слова значат'))
    const comment = async (anchor: EncodedAnchor, quote: string) => {
      const res = await t.api<{ thread: CommentThread }>(
        'POST',
        `/api/documents/${docId}/comments`,
        {
          cookie: alice.cookie,
          body: { body: 'Уточнить', quote, anchor, clauseId: 'access' },
        },
      )
      expect(res.status).toBe(201)
      return res.body.thread
    }
    /** The thread as the server keeps it now. */
    const stored = async (threadId: string) => {
      const res = await t.api<{ threads: CommentThread[] }>(
        'GET',
        `/api/documents/${docId}/comments`,
        { cookie: alice.cookie },
      )
      const thread = res.body.threads.find((th) => th.id === threadId)
      if (!thread) throw new Error('thread gone')
      return thread
    }
    /** Waits until both copies agree and the stored thread is on `expected` in both. */
    const expectOn = async (threadId: string, expected: string) => {
      await vi.waitFor(
        async () => {
          expect(Y.encodeStateVector(a.doc)).toEqual(Y.encodeStateVector(b.doc))
          const thread = await stored(threadId)
          expect(wordsOf(a.doc, thread)).toBe(expected)
          expect(wordsOf(b.doc, thread)).toBe(expected)
        },
        { timeout: 5000 },
      )
      return stored(threadId)
    }
    return { a, b, comment, expectOn }
  }

  it('a clause moved (out, then back in): on the same words in the moved clause', async () => {
    const { a, b, comment, expectOn } = await setup()
    const thread = await comment(
      anchorOnWords(a.doc, 'Каждый', 'право на доступ'),
      'право на доступ',
    )
    moveAfter(b.doc, 'access', 'terms')
    expect(pmDoc(b.doc).child(2).attrs.id).toBe('access')
    const moved = await expectOn(thread.id, 'право на доступ')
    expect(moved.clauseId).toBe('access')
    // Moved back: still on them.
    moveAfter(a.doc, 'terms', 'aim')
    await expectOn(thread.id, 'право на доступ')
  })

  it('words deleted, then their clause moved: stays removed, never on the same words elsewhere', async () => {
    const { a, b, comment, expectOn } = await setup()
    const thread = await comment(anchorOnWords(a.doc, 'Каждый', 'доступ'), 'доступ')
    const at = posOf(pmDoc(b.doc), 'доступ к сведениям')
    editAs(b.doc, (tr) => tr.delete(at, at + 'доступ '.length))
    await expectOn(thread.id, 'removed')
    moveAfter(b.doc, 'access', 'terms')
    await expectOn(thread.id, 'removed')
  })

  it('a paragraph split before the words, then joined again: on the same words', async () => {
    const { a, b, comment, expectOn } = await setup()
    const thread = await comment(anchorOnWords(a.doc, 'Каждый', 'доступ к сведениям'), 'доступ')
    editAs(b.doc, (tr) => tr.split(posOf(pmDoc(b.doc), 'на доступ к')))
    await expectOn(thread.id, 'доступ к сведениям')
    expect(textsOf(a.doc).some((x) => x.toString() === 'на доступ к сведениям.')).toBe(true)
    const at = posOf(pmDoc(b.doc), 'на доступ к')
    editAs(b.doc, (tr) => tr.join(at - 1))
    await expectOn(thread.id, 'доступ к сведениям')
  })

  it('a whole paragraph deleted: removed; the deletion undone: on the same words again', async () => {
    const { a, b, comment, expectOn } = await setup()
    const thread = await comment(
      anchorOnWords(a.doc, 'Каждый', 'право на доступ'),
      'право на доступ',
    )
    const undo = new Y.UndoManager(b.doc.getXmlFragment(BODY_FRAGMENT))
    const start = posOf(pmDoc(b.doc), 'Каждый') - 1
    const end = posOf(pmDoc(b.doc), 'Доступ ограничивается') - 1
    editAs(b.doc, (tr) => tr.delete(start, end))
    await expectOn(thread.id, 'removed')
    undo.undo()
    await expectOn(thread.id, 'право на доступ')
    undo.destroy()
  })

  it('a clause deleted: removed; the deletion undone: on the same words again', async () => {
    const { a, b, comment, expectOn } = await setup()
    const thread = await comment(
      anchorOnWords(a.doc, 'Доступ ограничивается', 'законом'),
      'законом',
    )
    const undo = new Y.UndoManager(b.doc.getXmlFragment(BODY_FRAGMENT))
    const access = clauseNode(b.doc, 'access')
    editAs(b.doc, (tr) => tr.delete(access.pos, access.pos + access.size))
    await expectOn(thread.id, 'removed')
    undo.undo()
    await expectOn(thread.id, 'законом')
  })
})
