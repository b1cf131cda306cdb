import type { MyWorkResponse } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import { databaseFile, withConnection } from './reliability/support/sqliteFile.js'
import { anchorOnWords } from './utils/anchors.js'
import { editAs, plainText, posOf, twoClauses, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()

const myWork = async (cookie: string): Promise<MyWorkResponse> => {
  const res = await t.api<MyWorkResponse>('GET', '/api/me/work', { cookie })
  expect(res.status).toBe(200)
  return res.body
}

/** A member and a coordinator on a two-clause document, both connected. */
const charter = async () => {
  const member = await t.newUser('member', 'Maria Member')
  const coordinator = await t.newUser('coordinator', 'Chris Coordinator')
  const docId = await t.newDocument(coordinator.cookie, 'Charter')
  const m = t.client(docId, member.cookie)
  const c = t.client(docId, coordinator.cookie)
  await Promise.all([m.synced(), c.synced()])
  writeBody(c.doc, twoClauses)
  await vi.waitFor(() => expect(plainText(m.doc)).toContain('Words mean'))
  return { member, coordinator, docId, m, c }
}

describe('my work (GET /api/me/work)', () => {
  it('a reply from someone else puts a thread in my list; my own reply takes it out; a mention brings it to the one mentioned', async () => {
    const { member, coordinator, docId, m } = await charter()
    const third = await t.newUser('member', 'Tom Third')
    const created = await t.api<{ thread: { id: string } }>(
      'POST',
      `/api/documents/${docId}/comments`,
      {
        cookie: member.cookie,
        body: {
          body: 'Which rules?',
          quote: 'rules',
          anchor: anchorOnWords(m.doc, 'The rules', 'rules'),
        },
      },
    )
    expect(created.status).toBe(201)
    const threadId = created.body.thread.id
    // My own message last: nothing waits for me; nor for the coordinator, who is not in it.
    expect((await myWork(member.cookie)).threads).toEqual([])
    expect((await myWork(coordinator.cookie)).threads).toEqual([])

    const reply = (cookie: string, body: string, mentions?: string[]) =>
      t.api('POST', `/api/documents/${docId}/comments/${threadId}/replies`, {
        cookie,
        body: mentions ? { body, mentions } : { body },
      })
    expect((await reply(coordinator.cookie, 'The members’ rules.', [third.user.id])).status).toBe(
      201,
    )
    const mine = await myWork(member.cookie)
    expect(mine.threads).toEqual([
      expect.objectContaining({
        documentId: docId,
        documentTitle: 'Charter',
        threadId,
        quote: 'rules',
        lastAuthor: { id: coordinator.user.id, name: 'Chris Coordinator' },
        mentioned: false,
      }),
    ])
    expect((await myWork(third.cookie)).threads).toEqual([
      expect.objectContaining({ threadId, mentioned: true }),
    ])
    // The coordinator wrote last: not waiting for them.
    expect((await myWork(coordinator.cookie)).threads).toEqual([])

    expect((await reply(member.cookie, 'Thanks.')).status).toBe(201)
    expect((await myWork(member.cookie)).threads).toEqual([])
    expect((await myWork(coordinator.cookie)).threads).toEqual([
      expect.objectContaining({
        threadId,
        lastAuthor: { id: member.user.id, name: 'Maria Member' },
      }),
    ])

    // A resolved thread waits for nobody.
    const resolved = await t.api('PATCH', `/api/documents/${docId}/comments/${threadId}`, {
      cookie: coordinator.cookie,
      body: { status: 'resolved' },
    })
    expect(resolved.status).toBe(200)
    expect((await myWork(coordinator.cookie)).threads).toEqual([])
    expect((await myWork(third.cookie)).threads).toEqual([])
  })

  it("a member's suggestion waits for a coordinator, not for a member, also once nobody has the document open", async () => {
    const { member, coordinator, docId, m, c } = await charter()
    const moved = await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: coordinator.cookie,
      body: { status: 'review' },
    })
    expect(moved.status).toBe(200)
    const author = { authorId: member.user.id, authorName: member.user.name }
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
    await vi.waitFor(async () =>
      expect((await myWork(coordinator.cookie)).suggestions).toEqual([
        expect.objectContaining({
          documentId: docId,
          documentTitle: 'Charter',
          kind: 'insertion',
          inserted: ' all',
          author: { id: member.user.id, name: 'Maria Member' },
          clauseNumber: '1',
        }),
      ]),
    )
    const secretariat = await t.newUser('secretariat', 'Sam Secretariat')
    expect((await myWork(secretariat.cookie)).suggestions).toHaveLength(1)
    expect((await myWork(member.cookie)).suggestions).toEqual([])

    // Nobody has it open after a restart: the saved summary answers, the same.
    m.destroy()
    c.destroy()
    await t.restart()
    const after = await myWork(coordinator.cookie)
    expect(after.suggestions.map((s) => [s.documentId, s.kind, s.inserted])).toEqual([
      [docId, 'insertion', ' all'],
    ])

    // Decided: gone.
    const id = after.suggestions[0]?.suggestionId
    const decided = await t.api('POST', `/api/documents/${docId}/suggestions/decisions`, {
      cookie: coordinator.cookie,
      body: { decision: 'accept', ids: [id] },
    })
    expect(decided.status).toBe(200)
    await vi.waitFor(async () => expect((await myWork(coordinator.cookie)).suggestions).toEqual([]))
  })

  it.skipIf(process.env.ACCORD_TEST_STORAGE === 'postgres')(
    'a document nobody has open is answered from its saved summary, unless the text stored is newer',
    async () => {
      const { member, coordinator, docId, m, c } = await charter()
      const author = { authorId: member.user.id, authorName: member.user.name }
      editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), author)
      await vi.waitFor(async () =>
        expect((await myWork(coordinator.cookie)).suggestions).toHaveLength(1),
      )
      m.destroy()
      c.destroy()
      // The stop unloads the document: its summary is saved after the last write.
      await t.restart()
      const file = databaseFile(t.dataDir)
      const mark = (sql: string) => withConnection(file, (db) => db.run(sql, [docId]))
      // What the summary says is what the answer says: the text was not read.
      await mark(
        `UPDATE open_suggestions SET suggestions = replace(suggestions, '" all"', '" from the summary"') WHERE document_id = ?`,
      )
      expect((await myWork(coordinator.cookie)).suggestions.map((s) => s.inserted)).toEqual([
        ' from the summary',
      ])
      // A summary older than the stored text (a save lost to a crash) is not trusted.
      await mark(
        `UPDATE open_suggestions SET saved_at = '2000-01-01T00:00:00.000Z' WHERE document_id = ?`,
      )
      expect((await myWork(coordinator.cookie)).suggestions.map((s) => s.inserted)).toEqual([
        ' all',
      ])
      // Reading it loaded it, and wrote nothing: a GET changes no state, so the summary
      // stays as it was until the text next changes.
      const rows = await withConnection(file, (db) =>
        db.all<{ suggestions: string; saved_at: string }>(
          'SELECT suggestions, saved_at FROM open_suggestions WHERE document_id = ?',
          [docId],
        ),
      )
      expect(rows).toEqual([
        {
          suggestions: expect.stringContaining('" from the summary"'),
          saved_at: '2000-01-01T00:00:00.000Z',
        },
      ])
    },
  )

  it('a document moved to review appears until I open it', async () => {
    const coordinator = await t.newUser('coordinator', 'Chris Coordinator')
    const member = await t.newUser('member', 'Maria Member')
    const docId = await t.newDocument(coordinator.cookie, 'Budget')
    // Opened while a draft: moving it to review makes it new again.
    const early = t.client(docId, member.cookie)
    await early.synced()
    early.destroy()
    expect((await myWork(member.cookie)).documents).toEqual([])
    const moved = await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: coordinator.cookie,
      body: { status: 'review' },
    })
    expect(moved.status).toBe(200)
    expect((await myWork(member.cookie)).documents).toEqual([
      expect.objectContaining({ documentId: docId, documentTitle: 'Budget' }),
    ])
    // The coordinator who moved it has it in front of them.
    expect((await myWork(coordinator.cookie)).documents).toEqual([])
    const reader = t.client(docId, member.cookie)
    await reader.synced()
    await vi.waitFor(async () => expect((await myWork(member.cookie)).documents).toEqual([]))
    // Someone else's opening does not count for me.
    const other = await t.newUser('observer', 'Olga Observer')
    expect((await myWork(other.cookie)).documents).toEqual([
      expect.objectContaining({ documentId: docId }),
    ])
  })

  it('refuses a signed-out request, a forged cookie and a session ended by signing out (401)', async () => {
    const anonymous = await t.api<{ error: { code: string } }>('GET', '/api/me/work')
    expect(anonymous.status).toBe(401)
    expect(anonymous.body.error.code).toBe('unauthenticated')
    const forged = await t.api('GET', '/api/me/work', { cookie: 'accord_session=forged' })
    expect(forged.status).toBe(401)
    const member = await t.newUser('member', 'Maria Member')
    expect((await t.api('DELETE', '/api/session', { cookie: member.cookie })).status).toBeLessThan(
      300,
    )
    const stale = await t.api<{ error: { code: string } }>('GET', '/api/me/work', {
      cookie: member.cookie,
    })
    expect(stale.status).toBe(401)
  })
})
