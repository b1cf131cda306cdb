import type { VersionInfo } from '@accord/protocol'
import { documentSchema, listSuggestions } from '@accord/schema'
import { Node as PMNode } from '@tiptap/pm/model'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { editAs, plainText, posOf, suggestionsIn, twoClauses, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

/** The characters an anchor covers now ('' once they are gone), whatever their formatting. */
const anchoredText = (doc: Y.Doc, anchor: { start: string; end: string }): string => {
  const resolve = (b64: string) =>
    Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(Buffer.from(b64, 'base64')),
      doc,
    )
  const start = resolve(anchor.start)
  const end = resolve(anchor.end)
  if (!start || !end || start.type !== end.type || end.index <= start.index) return ''
  const plain = (start.type as Y.XmlText)
    .toDelta()
    .map((d: { insert: unknown }) => (typeof d.insert === 'string' ? d.insert : ''))
    .join('')
  return plain.slice(start.index, end.index)
}

/** A document holding two clauses, with a member and a coordinator connected, in `status`. */
const reviewRound = async (status: 'draft' | 'review' = 'review') => {
  const member = await t.newUser('member', 'Maria Member')
  const coordinator = await t.newUser('coordinator', 'Chris Coordinator')
  const docId = await t.newDocument(coordinator.cookie, 'Charter')
  const m = t.client(docId, member.cookie)
  const c = t.client(docId, coordinator.cookie)
  await Promise.all([m.synced(), c.synced()])
  writeBody(c.doc, twoClauses)
  await vi.waitFor(() => expect(plainText(m.doc)).toContain('Words mean'))
  if (status === 'review') {
    const res = await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: coordinator.cookie,
      body: { status: 'review' },
    })
    expect(res.status).toBe(200)
  }
  const author = { authorId: member.user.id, authorName: member.user.name }
  return { member, coordinator, docId, m, c, author }
}

const decide = (docId: string, cookie: string, body: Record<string, unknown>) =>
  t.api<{ resolved: string[]; error?: { code: string } }>(
    'POST',
    `/api/documents/${docId}/suggestions/decisions`,
    { cookie, body },
  )

describe('suggestions', () => {
  it('suggested insert, delete and format reach a second client attributed to their author', async () => {
    const { m, c, docId, author, coordinator } = await reviewRound()
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    editAs(
      m.doc,
      (tr) => {
        const at = posOf(tr.doc, 'what they say')
        tr.delete(at, at + 'what they say'.length)
      },
      author,
    )
    editAs(
      m.doc,
      (tr) => {
        const at = posOf(tr.doc, 'rules')
        tr.addMark(at, at + 'rules'.length, documentSchema().mark('bold'))
      },
      author,
    )
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(3))
    const seen = suggestionsIn(c.doc)
    expect(seen.map((s) => [s.kind, s.authorName, s.clauseNumber])).toEqual([
      ['replacement', 'Maria Member', '1'],
      ['insertion', 'Maria Member', '1'],
      ['deletion', 'Maria Member', '2'],
    ])
    for (const s of seen) {
      expect(s.authorId).toBe(author.authorId)
      expect(Date.parse(s.at)).toBeGreaterThan(Date.now() - 60_000)
    }
    // The struck-through words are still there for everyone.
    expect(plainText(c.doc)).toContain('what they say')
    const listed = await t.api<{ suggestions: { id: string }[] }>(
      'GET',
      `/api/documents/${docId}/suggestions`,
      { cookie: coordinator.cookie },
    )
    expect(listed.body.suggestions.map((s) => s.id)).toEqual(seen.map((s) => s.id))
  })

  it('accept and reject are ordinary changes both clients converge on, and audited', async () => {
    const { m, c, docId, author, coordinator } = await reviewRound()
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    editAs(
      m.doc,
      (tr) => {
        const at = posOf(tr.doc, 'Words ')
        tr.delete(at, at + 'Words '.length)
      },
      author,
    )
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(2))
    const [insertion, deletion] = suggestionsIn(c.doc)
    const accepted = await decide(docId, coordinator.cookie, {
      decision: 'accept',
      ids: [insertion?.id],
    })
    expect(accepted.status).toBe(200)
    const rejected = await decide(docId, coordinator.cookie, {
      decision: 'reject',
      ids: [deletion?.id],
    })
    expect(rejected.status).toBe(200)
    const expected = 'Scope\nThe rules apply to all members.\nTerms\nWords mean what they say.'
    for (const client of [m, c]) {
      await vi.waitFor(() => expect(plainText(client.doc)).toBe(expected))
      expect(suggestionsIn(client.doc)).toEqual([])
    }
    const activity = await t.api<{ entries: { action: string }[] }>(
      'GET',
      `/api/documents/${docId}/activity`,
      { cookie: coordinator.cookie },
    )
    const actions = activity.body.entries.map((e) => e.action)
    expect(actions).toContain('suggestion.accepted')
    expect(actions).toContain('suggestion.rejected')
  })

  it('decides per clause and per author', async () => {
    const { m, c, docId, author, coordinator } = await reviewRound()
    const other = await t.newUser('member', 'Olga Other')
    const o = t.client(docId, other.cookie)
    await o.synced()
    editAs(m.doc, (tr) => tr.insertText('!', posOf(tr.doc, '.')), author)
    await vi.waitFor(() => expect(suggestionsIn(o.doc)).toHaveLength(1))
    editAs(o.doc, (tr) => tr.insertText(' really', posOf(tr.doc, ' mean')), {
      authorId: other.user.id,
      authorName: other.user.name,
    })
    editAs(o.doc, (tr) => tr.insertText(' now', posOf(tr.doc, ' apply')), {
      authorId: other.user.id,
      authorName: other.user.name,
    })
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(3))
    const byClause = await decide(docId, coordinator.cookie, {
      decision: 'accept',
      clauseId: 'terms',
    })
    expect(byClause.body.resolved).toHaveLength(1)
    await vi.waitFor(() => expect(plainText(c.doc)).toContain('Words really mean'))
    const byAuthor = await decide(docId, coordinator.cookie, {
      decision: 'reject',
      authorId: other.user.id,
    })
    expect(byAuthor.body.resolved).toHaveLength(1)
    const all = await decide(docId, coordinator.cookie, { decision: 'accept', all: true })
    expect(all.body.resolved).toHaveLength(1)
    await vi.waitFor(() =>
      expect(plainText(m.doc)).toBe(
        'Scope\nThe rules apply to members!.\nTerms\nWords really mean what they say.',
      ),
    )
  })

  it('two coordinators deciding the same suggestion at once: one wins, the other is told, all converge', async () => {
    const { m, c, docId, author, coordinator } = await reviewRound()
    const second = await t.newUser('coordinator', 'Second Coordinator')
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(1))
    const id = suggestionsIn(c.doc)[0]?.id
    const [a, b] = await Promise.all([
      decide(docId, coordinator.cookie, { decision: 'accept', ids: [id] }),
      decide(docId, second.cookie, { decision: 'reject', ids: [id] }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const loser = a.status === 409 ? a : b
    expect(loser.body.error?.code).toBe('suggestion_resolved')
    const expected =
      a.status === 200 ? 'The rules apply to all members.' : 'The rules apply to members.'
    for (const client of [m, c]) {
      await vi.waitFor(() => expect(plainText(client.doc)).toContain(expected))
      expect(suggestionsIn(client.doc)).toEqual([])
    }
    // Deciding it again: a clear answer, nothing changes.
    const again = await decide(docId, coordinator.cookie, { decision: 'accept', ids: [id] })
    expect(again.status).toBe(409)
  })

  it('an observer or a member cannot decide; a final document cannot be changed', async () => {
    const { m, c, docId, author, member } = await reviewRound()
    const observer = await t.newUser('observer')
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(1))
    const id = suggestionsIn(c.doc)[0]?.id
    expect((await decide(docId, observer.cookie, { decision: 'accept', ids: [id] })).status).toBe(
      403,
    )
    expect((await decide(docId, member.cookie, { decision: 'accept', all: true })).status).toBe(403)
    const bad = await decide(docId, await t.adminCookie(), {
      decision: 'accept',
      ids: [id],
      all: true,
    })
    expect(bad.status).toBe(400)
    expect(suggestionsIn(c.doc)).toHaveLength(1)
  })

  it('in review a member’s direct edit is dropped by the server, a suggestion passes', async () => {
    const { m, c, docId, member, author } = await reviewRound()
    // A client that bypasses the editor's suggest mode sends a plain edit.
    const rogue = t.client(docId, member.cookie)
    await rogue.synced()
    editAs(rogue.doc, (tr) => tr.insertText('DIRECT ', posOf(tr.doc, 'The rules')))
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(1))
    await new Promise((r) => setTimeout(r, 300))
    expect(plainText(c.doc)).not.toContain('DIRECT')
    expect(plainText(m.doc)).not.toContain('DIRECT')
    // Coordinators still edit directly.
    editAs(c.doc, (tr) => tr.insertText('Editorial: ', posOf(tr.doc, 'Words')))
    await vi.waitFor(() => expect(plainText(m.doc)).toContain('Editorial: Words'))
  })

  it('a member may not change someone else’s suggestion in review', async () => {
    const { m, c, docId, author } = await reviewRound()
    const other = await t.newUser('member', 'Olga Other')
    const o = t.client(docId, other.cookie)
    await o.synced()
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    await vi.waitFor(() => expect(suggestionsIn(o.doc)).toHaveLength(1))
    // Olga deletes Maria's suggested words (suggest mode would remove them outright).
    editAs(
      o.doc,
      (tr) => {
        const at = posOf(tr.doc, ' all')
        tr.delete(at, at + 4)
      },
      { authorId: other.user.id, authorName: other.user.name },
    )
    await new Promise((r) => setTimeout(r, 300))
    expect(suggestionsIn(c.doc).map((s) => s.inserted)).toEqual([' all'])
  })

  it('rollout accepts a chosen set, rejects some, carries the rest over, and saves the version', async () => {
    const { m, c, docId, author, coordinator } = await reviewRound()
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    editAs(m.doc, (tr) => tr.insertText(' really', posOf(tr.doc, ' mean')), author)
    editAs(
      m.doc,
      (tr) => tr.insertText(' (draft)', posOf(tr.doc, 'Terms') + 'Terms'.length),
      author,
    )
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(3))
    const by = (text: string) => suggestionsIn(c.doc).find((s) => s.inserted === text)?.id
    const [first, second, third] = [by(' all'), by(' really'), by(' (draft)')]
    const res = await t.api<{ version: VersionInfo; carriedOver: string[] }>(
      'POST',
      `/api/documents/${docId}/suggestions/rollout`,
      {
        cookie: coordinator.cookie,
        body: { name: 'Round 1', accept: [first], reject: [third] },
      },
    )
    expect(res.status).toBe(201)
    expect(res.body.carriedOver).toEqual([second])
    const stored = await t.api<{ content: object }>(
      'GET',
      `/api/documents/${docId}/versions/${res.body.version.id}`,
      { cookie: coordinator.cookie },
    )
    const version = PMNode.fromJSON(documentSchema(), stored.body.content)
    // The version's text is the accepted changes, with the carried-over one still open.
    expect(version.textBetween(0, version.content.size, '\n', '\n')).toBe(
      'Scope\nThe rules apply to all members.\nTerms\nWords really mean what they say.',
    )
    expect(listSuggestions(version).map((s) => s.id)).toEqual([second])
    await vi.waitFor(() => expect(suggestionsIn(m.doc).map((s) => s.id)).toEqual([second]))
  })

  it('a comment on words a suggestion deletes stays readable, and shows them gone once accepted', async () => {
    const { m, c, docId, author, coordinator } = await reviewRound()
    const para = (c.doc.getXmlFragment('default').get(1) as Y.XmlElement).get(1) as Y.XmlElement
    const text = para.get(0) as Y.XmlText
    const encode = (i: number, assoc: number) =>
      Buffer.from(
        Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc)),
      ).toString('base64')
    const anchor = { start: encode(11, 0), end: encode(24, -1) } // "what they say"
    const created = await t.api<{ thread: { id: string } }>(
      'POST',
      `/api/documents/${docId}/comments`,
      {
        cookie: coordinator.cookie,
        body: { body: 'Too vague', quote: 'what they say', anchor },
      },
    )
    expect(created.status).toBe(201)
    editAs(
      m.doc,
      (tr) => {
        const at = posOf(tr.doc, 'what they say')
        tr.delete(at, at + 'what they say'.length)
      },
      author,
    )
    await vi.waitFor(() => expect(suggestionsIn(c.doc)).toHaveLength(1))
    // Struck through, still there: the anchor still covers the words.
    expect(anchoredText(c.doc, anchor)).toBe('what they say')
    await decide(docId, coordinator.cookie, { decision: 'accept', all: true })
    await vi.waitFor(() => expect(plainText(c.doc)).not.toContain('what they say'))
    expect(anchoredText(c.doc, anchor)).toBe('')
    const threads = await t.api<{ threads: { id: string; quote: string }[] }>(
      'GET',
      `/api/documents/${docId}/comments`,
      { cookie: coordinator.cookie },
    )
    expect(threads.body.threads).toEqual([expect.objectContaining({ quote: 'what they say' })])
  })
})
