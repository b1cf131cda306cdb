import type { CommentThread, Notification } from '@accord/protocol'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { anchorOver } from './utils/anchors.js'
import { mailEnv, type OutboxCounts } from './utils/mailEnv.js'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { startSmtp } from './utils/smtpServer.js'

type Person = Awaited<ReturnType<TestServer['newUser']>>

/** A clock the test moves forward; the server reads digests' and batches' time from it. */
const movableClock = (start: string) => {
  let at = Date.parse(start)
  return {
    now: () => at,
    set: (iso: string) => {
      at = Date.parse(iso)
    },
  }
}

describe('digests and batching, on an injected clock', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  const setUp = async (clock: { now(): number }, env: Record<string, string> = {}) => {
    const smtp = await startSmtp()
    cleanups.push(() => smtp.stop())
    const t = await newTestServer(mailEnv(smtp, env), { clock })
    cleanups.push(() => t.close())
    const author = await t.newUser('member', 'Author')
    const documentId = await t.newDocument(author.cookie, 'Charter')
    const client = newTestClient(t.wsUrl, documentId, author.cookie)
    cleanups.push(async () => client.destroy())
    await client.synced()
    client.type('Principle of openness')
    const mention = (who: Person) =>
      t.api<{ thread: CommentThread }>('POST', `/api/documents/${documentId}/comments`, {
        cookie: author.cookie,
        body: {
          body: '@you',
          quote: 'Principle',
          anchor: anchorOver(client.doc, 0, 9),
          mentions: [who.user.id],
        },
      })
    return { smtp, t, author, documentId, mention }
  }
  const inbox = async (t: TestServer, p: Person) =>
    (
      await t.api<{ notifications: Notification[]; unread: number }>('GET', '/api/notifications', {
        cookie: p.cookie,
      })
    ).body
  const outbox = async (t: TestServer) =>
    (await t.api<OutboxCounts>('GET', '/api/mail/outbox', { cookie: await t.adminCookie() })).body

  it('sends the daily digest at the chosen hour in the person’s time zone, once a day', async () => {
    // 08:30 in Tokyo.
    const clock = movableClock('2026-03-02T23:30:00Z')
    const { smtp, t, mention } = await setUp(clock)
    const yuki = await t.newUser('observer', 'Yuki')
    const set = await t.api('PATCH', '/api/me', {
      cookie: yuki.cookie,
      body: {
        language: 'en',
        notifications: { email: 'daily', digestHour: 9, timeZone: 'Asia/Tokyo' },
      },
    })
    expect(set.status).toBe(200)
    await vi.waitFor(async () => expect((await mention(yuki)).status).toBe(201))
    expect((await mention(yuki)).status).toBe(201)
    await vi.waitFor(async () => expect((await inbox(t, yuki)).unread).toBe(2))

    // 09:05 in Tokyo: one digest with both.
    clock.set('2026-03-03T00:05:00Z')
    await vi.waitFor(() => expect(smtp.to(yuki.email)).toHaveLength(1), { timeout: 10_000 })
    const digest = smtp.to(yuki.email)[0]
    expect(digest?.subject).toBe('2 updates in Accord')
    expect(digest?.text?.match(/Author mentioned you in “Charter”/g)).toHaveLength(2)
    expect(String(digest?.text)).toContain('/documents/')

    // Later the same day, a new mention waits for the next day's digest.
    expect((await mention(yuki)).status).toBe(201)
    clock.set('2026-03-03T10:00:00Z') // 19:00 in Tokyo
    await vi.waitFor(async () => expect((await inbox(t, yuki)).unread).toBe(3))
    clock.set('2026-03-03T23:59:00Z') // 08:59 next day
    expect((await outbox(t)).pending).toBe(0)
    clock.set('2026-03-04T00:00:00Z') // 09:00
    await vi.waitFor(() => expect(smtp.to(yuki.email)).toHaveLength(2), { timeout: 10_000 })
    expect(smtp.to(yuki.email)[1]?.subject).toBe('1 update in Accord')
  })

  it('a flood of mentions for one person gives a few mails and one batch, not a mail storm', async () => {
    const clock = movableClock(new Date().toISOString())
    const { smtp, t, mention } = await setUp(clock, { MAIL_IMMEDIATE_PER_HOUR: '3' })
    const zoe = await t.newUser('observer', 'Zoe')
    await vi.waitFor(async () => expect((await mention(zoe)).status).toBe(201))
    const FLOOD = 150
    for (let i = 1; i < FLOOD; i++) expect((await mention(zoe)).status).toBe(201)
    await vi.waitFor(async () => expect((await inbox(t, zoe)).unread).toBe(FLOOD), {
      timeout: 20_000,
    })
    await vi.waitFor(async () => expect((await outbox(t)).pending).toBe(0))
    expect(smtp.to(zoe.email)).toHaveLength(3)

    // An hour later the rest goes out as one mail.
    clock.set(new Date(clock.now() + 61 * 60 * 1000).toISOString())
    await vi.waitFor(() => expect(smtp.to(zoe.email)).toHaveLength(4), { timeout: 10_000 })
    const batch = smtp.to(zoe.email)[3]
    expect(batch?.subject).toBe(`${FLOOD - 3} новостей в Accord`)
    expect(batch?.text).toContain(`…и ещё ${FLOOD - 3 - 50}`)
    // Generous: 150 comments through the API on a loaded two-core machine.
  }, 180_000)
})
