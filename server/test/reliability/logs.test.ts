import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newTestClient } from '../utils/newTestClient.js'
import { ADMIN } from '../utils/newTestServer.js'
import { rawSocket } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { apiCall, freePort, signIn, startServerProcess } from './support/serverProcess.js'

describe('structured logs', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('are JSON lines with a request id, and never hold a password, a cookie or document text', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-logs-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    const proc = await startServerProcess(dataDir, port, { LOG_LEVEL: 'debug' })
    cleanups.push(() => proc.child.kill('SIGKILL'))

    const secretText = 'CONFIDENTIAL-CLAUSE-7731'
    const newPassword = 'a secret passphrase 9921'
    const admin = await signIn(proc.url, ADMIN.email, ADMIN.password)
    await fetch(`${proc.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: ADMIN.email, password: 'wrong password 5512' }),
    })
    await apiCall(proc.url, 'POST', '/api/users', admin, {
      email: 'logged@example.org',
      name: 'Logged',
      role: 'member',
      password: newPassword,
    })
    const created = await fetch(`${proc.url}/api/documents`, {
      method: 'POST',
      headers: { cookie: admin, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Logs' }),
    })
    const requestId = created.headers.get('x-request-id')
    const { id } = (await created.json()) as { id: string }
    const client = newTestClient(`ws://127.0.0.1:${port}/collab`, id, admin)
    cleanups.push(() => client.destroy())
    await client.synced()
    client.type(secretText)
    // A bad message is logged too; its bytes (here, text) must not be.
    const { ws, closed } = await rawSocket(`ws://127.0.0.1:${port}/collab/${id}`, { cookie: admin })
    ws.send(new Uint8Array([0, 2, 5, ...Buffer.from(secretText).subarray(0, 3)]))
    await closed
    proc.child.kill('SIGTERM')
    expect(await proc.exited).toBe(0)

    const lines = proc
      .output()
      .split('\n')
      .filter((line) => line.startsWith('{'))
    const entries = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    const requests = entries.filter((e) => e.msg === 'request')
    expect(requests.length).toBeGreaterThan(3)
    for (const r of requests) expect(r.reqId).toMatch(/^[0-9a-f-]{36}$/)
    expect(requests.find((r) => r.reqId === requestId)).toMatchObject({
      method: 'POST',
      status: 201,
    })
    expect(entries.some((e) => e.msg === 'closing socket: bad message')).toBe(true)

    const everything = proc.output()
    const sessionToken = admin.split('=')[1] as string
    for (const secret of [
      ADMIN.password,
      'wrong password 5512',
      newPassword,
      secretText,
      sessionToken,
    ]) {
      expect(everything, secret).not.toContain(secret)
    }
    await vi.waitFor(() => expect(proc.child.exitCode).toBe(0))
    reportFigure('operations logs', {
      jsonLines: lines.length,
      requestLines: requests.length,
      secretsFound: 0,
    })
  })
})
