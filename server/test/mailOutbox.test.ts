import net from 'node:net'
import { freePort } from '@accord/test-support'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mailEnv, type OutboxCounts } from './utils/mailEnv.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { startSmtp, type TestSmtp } from './utils/smtpServer.js'

/**
 * The outbox against a real SMTP server that goes away, hangs, and refuses a recipient:
 * every mail arrives once, or is kept as failed with the reason; nothing is lost.
 */
describe('mail outbox', () => {
  const cleanups: (() => Promise<unknown>)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })
  const serverWith = async (env: Record<string, string>) => {
    const t = await newTestServer(env)
    cleanups.push(() => t.close())
    return t
  }
  const outbox = async (t: TestServer) =>
    (await t.api<OutboxCounts>('GET', '/api/mail/outbox', { cookie: await t.adminCookie() })).body
  const askReset = async (t: TestServer, email: string) =>
    expect((await t.api('POST', '/api/password-resets', { body: { email } })).status).toBe(202)

  it('queues mail while SMTP is down and delivers it once when it returns', async () => {
    const smtp = await startSmtp({ listening: false })
    cleanups.push(() => smtp.stop())
    const t = await serverWith(mailEnv(smtp))
    const ann = await t.newUser('member')
    await askReset(t, ann.email)
    // Tried, refused (connection refused), kept for later.
    await vi.waitFor(async () => expect((await outbox(t)).retrying).toBe(1), { timeout: 10_000 })
    expect(smtp.mails).toHaveLength(0)

    await smtp.start()
    await vi.waitFor(async () => expect(await outbox(t)).toMatchObject({ pending: 0, sent: 1 }), {
      timeout: 10_000,
    })
    expect(smtp.to(ann.email)).toHaveLength(1)
  })

  it('keeps retrying while SMTP accepts connections but never answers, then delivers once', async () => {
    const port = await freePort()
    const hanging = net.createServer(() => undefined)
    await new Promise<void>((resolve) => hanging.listen(port, '127.0.0.1', resolve))
    const closeHanging = () =>
      new Promise<void>((resolve) => {
        hanging.close(() => resolve())
        // Connections it holds are dropped too.
        for (const s of sockets) s.destroy()
      })
    const sockets = new Set<net.Socket>()
    hanging.on('connection', (s) => sockets.add(s))
    let hangingOpen = true
    cleanups.push(async () => {
      if (hangingOpen) await closeHanging()
    })
    const t = await serverWith(
      mailEnv({ url: `smtp://127.0.0.1:${port}` } as TestSmtp, { SMTP_TIMEOUT_MS: '300' }),
    )
    const ann = await t.newUser('member')
    await askReset(t, ann.email)
    await vi.waitFor(async () => expect((await outbox(t)).retrying).toBe(1), { timeout: 10_000 })

    await closeHanging()
    hangingOpen = false
    const smtp = await startSmtp({ port })
    cleanups.push(() => smtp.stop())
    await vi.waitFor(async () => expect(await outbox(t)).toMatchObject({ pending: 0, sent: 1 }), {
      timeout: 10_000,
    })
    expect(smtp.to(ann.email)).toHaveLength(1)
  })

  it('keeps a mail the recipient’s mailbox refuses as failed, and sends the others', async () => {
    const smtp = await startSmtp()
    cleanups.push(() => smtp.stop())
    const t = await serverWith(mailEnv(smtp))
    const refused = await t.newUser('member')
    const fine = await t.newUser('member')
    smtp.reject(refused.email)
    await askReset(t, refused.email)
    await askReset(t, fine.email)
    await vi.waitFor(
      async () => expect(await outbox(t)).toMatchObject({ pending: 0, sent: 1, failed: 1 }),
      { timeout: 10_000 },
    )
    expect(smtp.to(fine.email)).toHaveLength(1)
    expect(smtp.to(refused.email)).toHaveLength(0)
  })

  it('shows the outbox to the secretariat only', async () => {
    const smtp = await startSmtp()
    cleanups.push(() => smtp.stop())
    const t = await serverWith(mailEnv(smtp))
    const member = await t.newUser('member')
    expect((await t.api('GET', '/api/mail/outbox', { cookie: member.cookie })).status).toBe(403)
    expect((await t.api('GET', '/api/mail/outbox')).status).toBe(401)
  })
})
