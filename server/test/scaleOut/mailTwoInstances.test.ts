import type { CommentThread } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { anchorOver } from '../utils/anchors.js'
import { mailEnv, type OutboxCounts } from '../utils/mailEnv.js'
import { newTestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'
import { startSmtp, type TestSmtp } from '../utils/smtpServer.js'

/** Two instances draining one outbox on PostgreSQL: every mail goes out once. */
describe.skipIf(!POSTGRES_URL)('mail from two instances on PostgreSQL', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>
  let smtp: TestSmtp
  let a: TestServer
  let b: TestServer

  beforeAll(async () => {
    database = await freshPostgresDatabase()
    smtp = await startSmtp({ listening: false })
    const env = { DATABASE_URL: database.url, ...mailEnv(smtp, { MAIL_IMMEDIATE_PER_HOUR: '100' }) }
    a = await newTestServer(env)
    b = await newTestServer(env)
  })
  afterAll(async () => {
    await a?.close()
    await b?.close()
    await smtp?.stop()
    await database?.drop()
  })

  it('sends each of 20 mails exactly once when both claim from the same outbox', async () => {
    const author = await a.newUser('member', 'Author')
    const people: Awaited<ReturnType<TestServer['newUser']>>[] = []
    for (let i = 0; i < 20; i++) people.push(await a.newUser('observer', `Reader ${i}`))
    const documentId = await a.newDocument(author.cookie)
    const client = newTestClient(a.wsUrl, documentId, author.cookie)
    await client.synced()
    client.type('Every reader is addressed.')
    // Once the server holds the text, the anchor resolves.
    await vi.waitFor(async () => {
      const created = await a.api<{ thread: CommentThread }>(
        'POST',
        `/api/documents/${documentId}/comments`,
        {
          cookie: author.cookie,
          body: {
            body: 'Please read',
            quote: 'reader',
            anchor: anchorOver(client.doc, 6, 6),
            mentions: people.map((p) => p.user.id),
          },
        },
      )
      expect(created.status).toBe(201)
    })
    client.destroy()
    const outbox = async (t: TestServer) =>
      (await t.api<OutboxCounts>('GET', '/api/mail/outbox', { cookie: await t.adminCookie() })).body
    await vi.waitFor(async () => expect((await outbox(a)).pending).toBe(20), { timeout: 15_000 })

    // Both instances' senders now race for the same 20 rows.
    await smtp.start()
    await vi.waitFor(async () => expect(await outbox(b)).toMatchObject({ pending: 0, sent: 20 }), {
      timeout: 30_000,
    })
    for (const p of people) expect(smtp.to(p.email)).toHaveLength(1)
    expect(new Set(smtp.mails.map((m) => m.messageId)).size).toBe(smtp.mails.length)
  }, 120_000)
})
