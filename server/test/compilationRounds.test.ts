import type { CommentThread, Compilation, ReviewRound } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openEventStream } from './reliability/support/eventStream.js'
import { anchorOnWords } from './utils/anchors.js'
import { editAs, plainText, posOf, suggestionsIn, twoClauses, writeBody } from './utils/editAs.js'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

type Person = Awaited<ReturnType<TestServer['newUser']>>

/**
 * The compilation of comments of one review round (what was made while it was open), the
 * decisions summed per round, the redline of a proposed change, and decisions on suggestions
 * reaching everyone's event stream at once.
 */
describe('the compilation of comments per review round', () => {
  let t: TestServer
  let coordinator: Person
  let member: Person
  let observer: Person
  let docId: string
  let client: TestClient
  let before: CommentThread
  let during: CommentThread
  let after: CommentThread
  let suggestionId: string
  let first: ReviewRound
  let second: ReviewRound

  const comment = async (words: string, body: string, proposedChange?: string) => {
    const created = await t.api<{ thread: CommentThread }>(
      'POST',
      `/api/documents/${docId}/comments`,
      {
        cookie: member.cookie,
        body: {
          body,
          quote: words,
          anchor: anchorOnWords(client.doc, words === 'Scope' ? 'Scope' : 'The rules', words),
          clauseId: 'scope',
          type: 'technical',
          ...(proposedChange ? { proposedChange } : {}),
        },
      },
    )
    expect(created.status).toBe(201)
    return created.body.thread
  }
  const openRound = async (documentId = docId) => {
    const res = await t.api<{ round: ReviewRound }>(
      'POST',
      `/api/documents/${documentId}/review-rounds`,
      {
        cookie: coordinator.cookie,
        body: {
          deadline: new Date(Date.now() + 48 * 3600_000).toISOString(),
          participants: 'everyone',
          afterClose: 'review',
        },
      },
    )
    expect(res.status).toBe(201)
    return res.body.round
  }
  const compile = (query: string, cookie = observer.cookie) =>
    t.api<Compilation & { error?: { code: string; message: string } }>(
      'GET',
      `/api/documents/${docId}/disposition${query}`,
      { cookie },
    )

  beforeAll(async () => {
    t = await newTestServer()
    coordinator = await t.newUser('coordinator', 'Катя')
    member = await t.newUser('member', 'Мария')
    observer = await t.newUser('observer', 'Олег')
    docId = await t.newDocument(coordinator.cookie, 'Правила')
    client = newTestClient(t.wsUrl, docId, member.cookie)
    await client.synced()
    writeBody(client.doc, twoClauses)
    // The server has the clauses once a comment anchored in them is taken.
    before = await vi.waitFor(() => comment('Scope', 'Before any round'))

    first = await openRound()
    during = await comment('rules', 'Say regulations', 'regulations')
    editAs(client.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
      authorId: member.user.id,
      authorName: member.user.name,
    })
    await vi.waitFor(() => expect(suggestionsIn(client.doc)).toHaveLength(1))
    suggestionId = suggestionsIn(client.doc)[0]?.id ?? ''
    // The server has the suggestion once the compilation lists it.
    await vi.waitFor(async () =>
      expect((await compile('')).body.rows.map((r) => r.id)).toContain(suggestionId),
    )
    const closed = await t.api('POST', `/api/documents/${docId}/review-rounds/${first.id}/close`, {
      cookie: coordinator.cookie,
      body: {},
    })
    expect(closed.status).toBe(200)
    after = await comment('Scope', 'After the first round')
    second = await openRound()
  })
  afterAll(async () => {
    client?.destroy()
    await t?.close()
  })

  it('a round holds the comments and suggestions made while it was open, nothing else', async () => {
    const res = await compile(`?round=${first.id}`)
    expect(res.status).toBe(200)
    expect(new Set(res.body.rows.map((r) => r.id))).toEqual(new Set([during.id, suggestionId]))
    expect(res.body.summary).toEqual([
      expect.objectContaining({ clauseId: 'scope', total: 2, undecided: 2 }),
    ])
    expect(res.body.rounds).toEqual([
      expect.objectContaining({ roundId: first.id, total: 2, undecided: 2 }),
    ])
    // The open round holds what was made since it opened: nothing yet.
    expect((await compile(`?round=${second.id}`)).body.rows).toEqual([])
    const whole = await compile('')
    expect(whole.body.rows.map((r) => r.id)).toEqual(
      expect.arrayContaining([before.id, during.id, after.id, suggestionId]),
    )
  })

  it('decisions are summed per round, oldest round first', async () => {
    const decided = await t.api('PATCH', `/api/documents/${docId}/comments/${during.id}`, {
      cookie: coordinator.cookie,
      body: { disposition: { decision: 'accepted', reason: 'Точнее' } },
    })
    expect(decided.status).toBe(200)
    const { rounds } = (await compile('')).body
    expect(rounds.map((r) => r.roundId)).toEqual([first.id, second.id])
    expect(rounds[0]).toMatchObject({
      total: 2,
      undecided: 1,
      decisions: { accepted: 1, acceptedInPrinciple: 0, rejected: 0, noted: 0 },
      closedAt: expect.any(String),
    })
    expect(rounds[1]).toMatchObject({ total: 0, closedAt: null })
  })

  it('a proposed change for quoted words comes as a redline against them', async () => {
    const rows = (await compile('')).body.rows
    expect(rows.find((r) => r.id === during.id)?.redline).toEqual([
      { type: 'delete', text: 'rules' },
      { type: 'insert', text: 'regulations' },
    ])
    // No proposed change, or a suggestion: no redline.
    expect(rows.find((r) => r.id === before.id)?.redline).toBeNull()
    expect(rows.find((r) => r.id === suggestionId)?.redline).toBeNull()
  })

  it("a round's compilation downloads as CSV with only that round's rows", async () => {
    const res = await fetch(
      `${t.url}/api/documents/${docId}/disposition?format=csv&round=${first.id}`,
      {
        headers: { cookie: observer.cookie },
      },
    )
    expect(res.status).toBe(200)
    const csv = await res.text()
    expect(csv).toContain('Say regulations')
    expect(csv).not.toContain('Before any round')
    expect(csv).not.toContain('After the first round')
  })

  it('refuses an unknown round, another document’s round, and a round with a consultation', async () => {
    const otherDoc = await t.newDocument(coordinator.cookie, 'Другой')
    const otherRound = await openRound(otherDoc)
    const cases: [string, number, string][] = [
      ['?round=no-such-round', 404, 'not_found'],
      [`?round=${otherRound.id}`, 404, 'not_found'],
      [`?round=${otherRound.id}&format=docx`, 404, 'not_found'],
      [`?round=${first.id}&consultation=${first.id}`, 400, 'validation_failed'],
    ]
    for (const [query, status, code] of cases) {
      const res = await compile(query)
      expect(res.status, query).toBe(status)
      expect(res.body.error?.code, query).toBe(code)
      // Nothing of either document comes with the refusal.
      expect(Object.keys(res.body)).toEqual(['error'])
      expect(JSON.stringify(res.body)).not.toContain('regulations')
    }
    // The other document's round was not disturbed.
    const rounds = await t.api<{ rounds: ReviewRound[] }>(
      'GET',
      `/api/documents/${otherDoc}/review-rounds`,
      { cookie: observer.cookie },
    )
    expect(rounds.body.rounds).toHaveLength(1)
  })

  it('a decision on a suggestion reaches the open event streams of two other people at once', async () => {
    const streams = await Promise.all([
      openEventStream(t.url, docId, member.cookie),
      openEventStream(t.url, docId, observer.cookie),
    ])
    try {
      const decided = (stream: (typeof streams)[number]) =>
        stream.events.filter((e) => e.type === 'suggestionDecided')
      const record = await t.api('PATCH', `/api/documents/${docId}/suggestions/${suggestionId}`, {
        cookie: coordinator.cookie,
        body: { disposition: { decision: 'noted', reason: 'Учтём позже' } },
      })
      expect(record.status).toBe(200)
      for (const stream of streams) {
        await vi.waitFor(() =>
          expect(decided(stream)).toEqual([
            {
              type: 'suggestionDecided',
              suggestionId,
              disposition: { decision: 'noted', reason: 'Учтём позже' },
            },
          ]),
        )
      }
      const withdrawn = await t.api(
        'PATCH',
        `/api/documents/${docId}/suggestions/${suggestionId}`,
        { cookie: coordinator.cookie, body: { disposition: null } },
      )
      expect(withdrawn.status).toBe(200)
      for (const stream of streams) {
        await vi.waitFor(() =>
          expect(decided(stream).at(-1)).toEqual({
            type: 'suggestionDecided',
            suggestionId,
            disposition: null,
          }),
        )
      }
      // A refused decision (an observer's) tells nobody anything.
      const refused = await t.api('PATCH', `/api/documents/${docId}/suggestions/${suggestionId}`, {
        cookie: observer.cookie,
        body: { disposition: { decision: 'accepted', reason: 'x' } },
      })
      expect(refused.status).toBe(403)
      expect(plainText(client.doc)).toContain('all members')
      for (const stream of streams) expect(decided(stream)).toHaveLength(2)
    } finally {
      for (const stream of streams) stream.close()
    }
  })
})
