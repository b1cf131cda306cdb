import type { CommentThread, Notification, NotificationSettings } from '@accord/protocol'
import type { ParsedMail } from 'mailparser'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openStream } from './reliability/support/eventStream.js'
import { anchorOver } from './utils/anchors.js'
import { mailEnv, type OutboxCounts } from './utils/mailEnv.js'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { startSmtp, type TestSmtp } from './utils/smtpServer.js'

type Person = Awaited<ReturnType<TestServer['newUser']>>
type Inbox = { notifications: Notification[]; unread: number }

/** List-Unsubscribe and List-Unsubscribe-Post as mailparser reads them. */
const listHeaders = (mail: ParsedMail) =>
  (mail.headers.get('list') ?? {}) as {
    unsubscribe?: { url?: string }
    'unsubscribe-post'?: { name?: string }
  }

describe('mentions and replies notify, in the app and by mail', () => {
  let smtp: TestSmtp
  let t: TestServer
  let alice: Person
  let bob: Person
  let carol: Person
  let documentId: string
  let client: TestClient

  const comment = (by: Person, body: Record<string, unknown>) =>
    t.api<{ thread: CommentThread; error?: { code: string } }>(
      'POST',
      `/api/documents/${documentId}/comments`,
      {
        cookie: by.cookie,
        body: {
          body: 'A comment',
          quote: 'Принцип',
          anchor: anchorOver(client.doc, 0, 7),
          ...body,
        },
      },
    )
  const inbox = async (p: Person) =>
    (await t.api<Inbox>('GET', '/api/notifications', { cookie: p.cookie })).body
  const outbox = async () =>
    (await t.api<OutboxCounts>('GET', '/api/mail/outbox', { cookie: await t.adminCookie() })).body
  const mailsTo = (p: Person) => smtp.to(p.email)

  beforeAll(async () => {
    smtp = await startSmtp()
    t = await newTestServer(mailEnv(smtp))
    alice = await t.newUser('member', 'Alice Smith')
    bob = await t.newUser('observer', 'Борис Петров')
    carol = await t.newUser('member', 'Carol')
    await t.api('PATCH', '/api/me', { cookie: alice.cookie, body: { language: 'en' } })
    await t.api('PATCH', '/api/me', { cookie: bob.cookie, body: { language: 'ru' } })
    documentId = await t.newDocument(alice.cookie, 'Хартия <прозрачности>')
    client = newTestClient(t.wsUrl, documentId, alice.cookie)
    await client.synced()
    client.type('Принцип прозрачности')
    await vi.waitFor(async () => expect((await comment(alice, {})).status).toBe(201))
  })
  afterAll(async () => {
    client?.destroy()
    await t?.close()
    await smtp?.stop()
  })

  it('a mention reaches the inbox live and a mail in the recipient’s language with a link to the thread', async () => {
    const stream = await openStream<{ unread: number }>(
      `${t.url}/api/notifications/events`,
      bob.cookie,
    )
    try {
      await vi.waitFor(() => expect(stream.events.at(-1)).toEqual({ unread: 0 }))
      const res = await comment(alice, {
        body: '@Борис Петров, please check',
        mentions: [bob.user.id],
      })
      expect(res.status).toBe(201)
      const threadId = res.body.thread.id
      await vi.waitFor(() => expect(stream.events.at(-1)).toEqual({ unread: 1 }))

      const box = await inbox(bob)
      expect(box.unread).toBe(1)
      expect(box.notifications[0]).toMatchObject({
        type: 'mention',
        documentId,
        threadId,
        actor: { id: alice.user.id, name: 'Alice Smith' },
        readAt: null,
      })

      await vi.waitFor(() => expect(mailsTo(bob)).toHaveLength(1), { timeout: 10_000 })
      const mail = mailsTo(bob)[0] as ParsedMail
      expect(mail.subject).toBe('Alice Smith упоминает вас в документе «Хартия <прозрачности>»')
      const link = `${t.url}/documents/${documentId}?thread=${threadId}`
      expect(mail.text).toContain(link)
      expect(mail.html).toContain(`href="${link}"`)
      // The title is text in the HTML part, never markup.
      expect(mail.html).toContain('Хартия &lt;прозрачности&gt;')
      expect(listHeaders(mail)['unsubscribe-post']?.name).toBe('List-Unsubscribe=One-Click')
      expect(listHeaders(mail).unsubscribe?.url).toContain(`${t.url}/api/unsubscribe/`)
    } finally {
      stream.close()
    }
  })

  it('mails each person in their own language', async () => {
    const res = await comment(bob, { body: '@Alice Smith', mentions: [alice.user.id] })
    expect(res.status).toBe(201)
    await vi.waitFor(() => expect(mailsTo(alice)).toHaveLength(1), { timeout: 10_000 })
    expect(mailsTo(alice)[0]?.subject).toBe('Борис Петров mentioned you in “Хартия <прозрачности>”')
  })

  it('refuses a mention of an unknown or deactivated person and creates nothing', async () => {
    const gone = await t.newUser('member')
    await t.api('PATCH', `/api/users/${gone.user.id}`, {
      cookie: await t.adminCookie(),
      body: { active: false },
    })
    const before = (
      await t.api<{ threads: CommentThread[] }>('GET', `/api/documents/${documentId}/comments`, {
        cookie: alice.cookie,
      })
    ).body.threads.length
    for (const id of ['no-such-person', gone.user.id]) {
      const res = await comment(alice, { mentions: [bob.user.id, id] })
      expect(res.status).toBe(400)
      expect(res.body.error?.code).toBe('mention_invalid')
    }
    const malformed = await comment(alice, { mentions: ['../etc'] })
    expect(malformed.status).toBe(400)
    const after = (
      await t.api<{ threads: CommentThread[] }>('GET', `/api/documents/${documentId}/comments`, {
        cookie: alice.cookie,
      })
    ).body.threads.length
    expect(after).toBe(before)
  })

  it('takes a mention in a 10 KB comment', async () => {
    const unread = (await inbox(carol)).unread
    const body = `@Carol ${'слово '.repeat(1665)}`.slice(0, 10_000)
    const res = await comment(alice, { body, mentions: [carol.user.id] })
    expect(res.status).toBe(201)
    await vi.waitFor(async () => expect((await inbox(carol)).unread).toBe(unread + 1))
  })

  it('a reply notifies those who took part in the thread, and a mention wins over a reply', async () => {
    const started = await comment(carol, { body: 'Is this right?' })
    const threadId = started.body.thread.id
    const replies = `/api/documents/${documentId}/comments/${threadId}/replies`
    expect(
      (await t.api('POST', replies, { cookie: bob.cookie, body: { body: 'I think so' } })).status,
    ).toBe(201)
    await vi.waitFor(async () => {
      const item = (await inbox(carol)).notifications.find((n) => n.threadId === threadId)
      expect(item?.type).toBe('reply')
    })
    const reply = await t.api('POST', replies, {
      cookie: alice.cookie,
      body: { body: '@Борис Петров agreed', mentions: [bob.user.id] },
    })
    expect(reply.status).toBe(201)
    await vi.waitFor(async () => {
      const items = (await inbox(bob)).notifications.filter((n) => n.threadId === threadId)
      expect(items.map((n) => n.type)).toEqual(['mention'])
    })
  })

  it('marks one or all read, and the live count follows', async () => {
    const stream = await openStream<{ unread: number }>(
      `${t.url}/api/notifications/events`,
      bob.cookie,
    )
    try {
      const box = await inbox(bob)
      expect(box.unread).toBeGreaterThan(1)
      const first = box.notifications[0] as Notification
      const one = await t.api('POST', '/api/notifications/read', {
        cookie: bob.cookie,
        body: { ids: [first.id] },
      })
      expect(one.status).toBe(204)
      await vi.waitFor(() => expect(stream.events.at(-1)).toEqual({ unread: box.unread - 1 }))
      // Someone else's ids change nothing.
      await t.api('POST', '/api/notifications/read', { cookie: alice.cookie, body: { all: true } })
      expect((await inbox(bob)).unread).toBe(box.unread - 1)
      await t.api('POST', '/api/notifications/read', { cookie: bob.cookie, body: { all: true } })
      await vi.waitFor(() => expect(stream.events.at(-1)).toEqual({ unread: 0 }))
      const after = await inbox(bob)
      expect(after.notifications.every((n) => n.readAt !== null)).toBe(true)
      for (const body of [{}, { ids: [] }, { ids: ['x'], all: true }]) {
        const bad = await t.api('POST', '/api/notifications/read', { cookie: bob.cookie, body })
        expect(bad.status).toBe(400)
      }
      expect((await t.api('GET', '/api/notifications')).status).toBe(401)
    } finally {
      stream.close()
    }
  })

  it('with mail off, a mention stays in the app', async () => {
    const dan = await t.newUser('member', 'Dan')
    const set = await t.api<{ notifications: NotificationSettings }>('PATCH', '/api/me', {
      cookie: dan.cookie,
      body: { notifications: { email: 'off' } },
    })
    expect(set.status).toBe(200)
    expect(set.body.notifications.email).toBe('off')
    const before = await outbox()
    expect((await comment(alice, { mentions: [dan.user.id] })).status).toBe(201)
    await vi.waitFor(async () => expect((await inbox(dan)).unread).toBe(1))
    // The mention's transaction wrote no mail.
    expect((await outbox()).sent + (await outbox()).pending).toBe(before.sent + before.pending)
    const bad = await t.api('PATCH', '/api/me', {
      cookie: dan.cookie,
      body: { notifications: { email: 'sometimes', timeZone: 'Mars/Olympus' } },
    })
    expect(bad.status).toBe(400)
  })

  it('one click on List-Unsubscribe stops that kind of mail; a forged token does nothing', async () => {
    const erin = await t.newUser('member', 'Erin')
    expect((await comment(alice, { mentions: [erin.user.id] })).status).toBe(201)
    await vi.waitFor(() => expect(mailsTo(erin)).toHaveLength(1), { timeout: 10_000 })
    const url = listHeaders(mailsTo(erin)[0] as ParsedMail).unsubscribe?.url as string
    // A link scanner's GET only asks.
    const page = await fetch(url)
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('<form method="post">')
    const settings = async () =>
      (
        await t.api<{ notifications: NotificationSettings }>('GET', '/api/me/notifications', {
          cookie: erin.cookie,
        })
      ).body.notifications
    expect((await settings()).kinds.mention).toBeUndefined()
    // As a mail provider sends it (RFC 8058): a form post, no cookie, no Origin.
    const click = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    })
    expect(click.status).toBe(200)
    expect((await settings()).kinds.mention).toBe('off')
    const forged = await fetch(`${url.slice(0, -3)}abc`, { method: 'POST' })
    expect(forged.status).toBe(404)

    const before = await outbox()
    expect((await comment(alice, { mentions: [erin.user.id] })).status).toBe(201)
    await vi.waitFor(async () => expect((await inbox(erin)).unread).toBe(2))
    // Written in the same transaction as the inbox item: no mail was.
    const after = await outbox()
    expect(after.sent + after.pending).toBe(before.sent + before.pending)
  })

  it('watchers hear of a named version; one click unwatches', async () => {
    const fay = await t.newUser('observer', 'Fay')
    const watch = `/api/documents/${documentId}/watch`
    expect(
      (await t.api<{ watching: boolean }>('GET', watch, { cookie: fay.cookie })).body.watching,
    ).toBe(false)
    expect((await t.api('PUT', watch, { cookie: fay.cookie, body: {} })).status).toBe(200)
    const coordinator = await t.newUser('coordinator', 'Coordinator')
    const named = await t.api<{ id: string }>('POST', `/api/documents/${documentId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'Second reading' },
    })
    expect(named.status).toBe(201)
    await vi.waitFor(async () => {
      const item = (await inbox(fay)).notifications[0]
      expect(item).toMatchObject({
        type: 'versionNamed',
        target: { versionId: named.body.id, detail: 'Second reading' },
      })
    })
    // Alice created the document, so she watches it too.
    await vi.waitFor(async () =>
      expect((await inbox(alice)).notifications.some((n) => n.type === 'versionNamed')).toBe(true),
    )
    expect((await t.api('DELETE', watch, { cookie: fay.cookie, body: {} })).status).toBe(200)
    await t.api('POST', `/api/documents/${documentId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'Third reading' },
    })
    await vi.waitFor(async () =>
      expect(
        (await inbox(alice)).notifications.filter((n) => n.type === 'versionNamed'),
      ).toHaveLength(2),
    )
    expect((await inbox(fay)).notifications.filter((n) => n.type === 'versionNamed')).toHaveLength(
      1,
    )
    expect(
      (await t.api('PUT', '/api/documents/nope/watch', { cookie: fay.cookie, body: {} })).status,
    ).toBe(404)
  })
})
