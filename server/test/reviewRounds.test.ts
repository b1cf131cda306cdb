import type { AuditEntry, DocumentInfo, Notification, ReviewRound } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { anchorOver } from './utils/anchors.js'
import { mailEnv } from './utils/mailEnv.js'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { startSmtp, type TestSmtp } from './utils/smtpServer.js'

type Person = Awaited<ReturnType<TestServer['newUser']>>
const HOUR = 60 * 60 * 1000

describe('review rounds on the server clock', () => {
  let at = Date.parse('2026-05-04T09:00:00Z')
  const clock = { now: () => at }
  let smtp: TestSmtp
  let t: TestServer
  let coordinator: Person
  let bob: Person
  let carol: Person
  let documentId: string

  const rounds = async () =>
    (
      await t.api<{ rounds: ReviewRound[] }>('GET', `/api/documents/${documentId}/review-rounds`, {
        cookie: bob.cookie,
      })
    ).body.rounds
  const open = (by: Person, body: Record<string, unknown>, id = documentId) =>
    t.api<{ round: ReviewRound; error?: { code: string } }>(
      'POST',
      `/api/documents/${id}/review-rounds`,
      { cookie: by.cookie, body },
    )
  const inbox = async (p: Person) =>
    (
      await t.api<{ notifications: Notification[] }>('GET', '/api/notifications', {
        cookie: p.cookie,
      })
    ).body.notifications
  const status = async () =>
    (await t.api<DocumentInfo>('GET', `/api/documents/${documentId}`, { cookie: bob.cookie })).body
      .status

  beforeAll(async () => {
    smtp = await startSmtp()
    t = await newTestServer(mailEnv(smtp, { REVIEW_TICK_MS: '50' }), { clock })
    coordinator = await t.newUser('coordinator', 'Coordinator')
    bob = await t.newUser('member', 'Bob')
    carol = await t.newUser('member', 'Carol')
    await t.api('PATCH', '/api/me', { cookie: bob.cookie, body: { language: 'en' } })
    documentId = await t.newDocument(coordinator.cookie, 'Charter')
  })
  afterAll(async () => {
    await t?.close()
    await smtp?.stop()
  })

  it('refuses what cannot be a round, clearly', async () => {
    const deadline = new Date(at + 48 * HOUR).toISOString()
    const member = await open(bob, { deadline, participants: 'everyone', afterClose: 'draft' })
    expect(member.status).toBe(403)
    const past = await open(coordinator, {
      deadline: new Date(at - HOUR).toISOString(),
      participants: 'everyone',
      afterClose: 'draft',
    })
    expect(past.status).toBe(400)
    const unknown = await open(coordinator, {
      deadline,
      participants: ['nobody'],
      afterClose: 'draft',
    })
    expect(unknown.status).toBe(400)
    for (const body of [
      { deadline },
      { deadline: 'tomorrow', participants: 'everyone', afterClose: 'draft' },
    ]) {
      expect((await open(coordinator, body)).status).toBe(400)
    }
    const finalDoc = await t.newDocument(coordinator.cookie, 'Done')
    await t.api('PATCH', `/api/documents/${finalDoc}`, {
      cookie: await t.adminCookie(),
      body: { status: 'final' },
    })
    const onFinal = await open(
      coordinator,
      { deadline, participants: 'everyone', afterClose: 'draft' },
      finalDoc,
    )
    expect(onFinal.status).toBe(409)
    expect(onFinal.body.error?.code).toBe('document_final')
    expect(await rounds()).toEqual([])
  })

  it('opens a round: the document goes to review and the participants are told, in the app and by mail', async () => {
    const deadline = new Date(at + 48 * HOUR).toISOString()
    const res = await open(coordinator, {
      deadline,
      instructions: 'Read chapter 2',
      participants: [bob.user.id],
      afterClose: 'draft',
    })
    expect(res.status).toBe(201)
    expect(res.body.round).toMatchObject({
      status: 'open',
      deadline,
      instructions: 'Read chapter 2',
      participants: [{ id: bob.user.id, name: 'Bob' }],
    })
    expect(await status()).toBe('review')
    const again = await open(coordinator, {
      deadline,
      participants: 'everyone',
      afterClose: 'draft',
    })
    expect(again.status).toBe(409)

    await vi.waitFor(async () =>
      expect((await inbox(bob)).map((n) => n.type)).toContain('roundOpened'),
    )
    await vi.waitFor(() => expect(smtp.to(bob.email)).toHaveLength(1), { timeout: 10_000 })
    expect(smtp.to(bob.email)[0]?.subject).toBe(
      'Coordinator opened a review round on “Charter” until 2026-05-06 09:00 UTC',
    )
    expect((await inbox(carol)).some((n) => n.type === 'roundOpened')).toBe(false)
  })

  it('reminds the participants once, a day before the deadline', async () => {
    at += 25 * HOUR // 23 hours left
    await vi.waitFor(async () =>
      expect((await inbox(bob)).filter((n) => n.type === 'roundReminder')).toHaveLength(1),
    )
    at += HOUR
    await vi.waitFor(() => expect(smtp.to(bob.email)).toHaveLength(2), { timeout: 10_000 })
    expect((await inbox(bob)).filter((n) => n.type === 'roundReminder')).toHaveLength(1)
  })

  it('closes by itself at the deadline, also when the deadline passed while the server was down', async () => {
    // Bob takes part with a comment, the coordinator with edits.
    const client = newTestClient(t.wsUrl, documentId, coordinator.cookie)
    await client.synced()
    client.type('Principle of openness')
    await vi.waitFor(async () => {
      const res = await t.api('POST', `/api/documents/${documentId}/comments`, {
        cookie: bob.cookie,
        body: { body: 'Agree', quote: 'Principle', anchor: anchorOver(client.doc, 0, 9) },
      })
      expect(res.status).toBe(201)
    })
    client.destroy()
    // The edits are recorded when the editor's socket closes.
    await vi.waitFor(async () => {
      const activity = await t.api<{ entries: AuditEntry[] }>(
        'GET',
        `/api/documents/${documentId}/activity`,
        { cookie: coordinator.cookie },
      )
      expect(activity.body.entries.some((e) => e.action === 'document.edited')).toBe(true)
    })

    await t.restart()
    expect((await rounds())[0]?.status).toBe('open')
    // The deadline passes while the server is down.
    await t.server.close()
    at += 48 * HOUR
    await t.restart()
    await vi.waitFor(async () => expect((await rounds())[0]?.status).toBe('closed'), {
      timeout: 10_000,
    })
    const round = (await rounds())[0] as ReviewRound
    expect(round.closedBy).toBeNull()
    expect(round.summary?.comments).toBe(1)
    expect(round.summary?.participants).toEqual([
      { id: bob.user.id, name: 'Bob', comments: 1, edits: 0 },
      { id: coordinator.user.id, name: 'Coordinator', comments: 0, edits: expect.any(Number) },
    ])
    expect(round.summary?.edits).toBeGreaterThan(0)
    expect(await status()).toBe('draft')
    await vi.waitFor(async () =>
      expect((await inbox(bob)).map((n) => n.type)).toContain('roundClosed'),
    )
    const activity = await t.api<{ entries: AuditEntry[] }>(
      'GET',
      `/api/documents/${documentId}/activity`,
      { cookie: coordinator.cookie },
    )
    const closed = activity.body.entries.find((e) => e.action === 'review.closed')
    expect(closed?.details).toMatchObject({ byDeadline: true, summary: { comments: 1 } })
  })
})
