import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mailEnv, type OutboxCounts } from '../utils/mailEnv.js'
import { ADMIN } from '../utils/newTestServer.js'
import { startSmtp } from '../utils/smtpServer.js'
import {
  apiCall,
  freePort,
  type ServerProcess,
  signIn,
  startServerProcess,
} from './support/serverProcess.js'

describe('mail across kill -9', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('a mail queued while SMTP is down arrives once after the server was killed and restarted', async () => {
    const smtp = await startSmtp({ listening: false })
    cleanups.push(() => smtp.stop())
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-mailkill-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    const env = mailEnv(smtp)
    let proc: ServerProcess = await startServerProcess(dataDir, port, env)
    cleanups.push(() => proc.child.kill('SIGKILL'))
    const admin = await signIn(proc.url, ADMIN.email, ADMIN.password)
    const email = 'ann@example.org'
    await apiCall(proc.url, 'POST', '/api/users', admin, {
      email,
      name: 'Ann',
      role: 'member',
      password: 'ann has a long passphrase',
    })
    const res = await fetch(`${proc.url}/api/password-resets`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email }),
    })
    expect(res.status).toBe(202)
    const outbox = (cookie: string) =>
      apiCall<OutboxCounts>(proc.url, 'GET', '/api/mail/outbox', cookie)
    await vi.waitFor(async () => expect((await outbox(admin)).retrying).toBe(1), {
      timeout: 10_000,
    })

    proc.child.kill('SIGKILL')
    await proc.exited
    await smtp.start()
    proc = await startServerProcess(dataDir, port, env)
    const again = await signIn(proc.url, ADMIN.email, ADMIN.password)
    await vi.waitFor(
      async () => expect(await outbox(again)).toMatchObject({ pending: 0, sent: 1 }),
      { timeout: 15_000 },
    )
    expect(smtp.to(email)).toHaveLength(1)
  }, 120_000)
})
