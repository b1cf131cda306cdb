import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { SqliteDatabase } from '../../src/store/sqlite/SqliteDatabase.js'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { ADMIN, newTestServer } from '../utils/newTestServer.js'
import { reportFigure } from './support/figures.js'
import { serverDatabase } from './support/serverDatabase.js'
import { apiCall, freePort, signIn, startServerProcess } from './support/serverProcess.js'
import { databaseFile, paragraphs, storedDoc } from './support/sqliteFile.js'

const timeouts = () => process.getActiveResourcesInfo().filter((r) => r === 'Timeout').length

describe('SIGTERM', () => {
  const cleanups: (() => unknown)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })

  it('flushes every loaded document, logs no error and exits 0', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-sigterm-'))
    cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
    const port = await freePort()
    // A flush delay far longer than the test: only the shutdown flush can have saved the text.
    const proc = await startServerProcess(dataDir, port, { FLUSH_DELAY_MS: '600000' })
    cleanups.push(() => proc.child.kill('SIGKILL'))
    const cookie = await signIn(proc.url, ADMIN.email, ADMIN.password)
    const wsUrl = `ws://127.0.0.1:${port}/collab`
    const docs: { id: string; text: string }[] = []
    for (let i = 0; i < 3; i++) {
      const { id } = await apiCall<{ id: string }>(proc.url, 'POST', '/api/documents', cookie, {
        title: `SIGTERM ${i}`,
      })
      docs.push({ id, text: `saved at shutdown ${i}` })
    }
    const clients: TestClient[] = []
    cleanups.push(() => {
      for (const c of clients) c.destroy()
    })
    for (const doc of docs) {
      const writer = newTestClient(wsUrl, doc.id, cookie)
      clients.push(writer)
      await writer.synced()
      writer.type(doc.text)
      // The server has the update in memory once a second client receives it.
      const reader = newTestClient(wsUrl, doc.id, cookie)
      clients.push(reader)
      await vi.waitFor(() => expect(reader.text()).toBe(doc.text))
    }

    const started = performance.now()
    proc.child.kill('SIGTERM')
    expect(await proc.exited).toBe(0)
    const shutdownMs = performance.now() - started
    // LOG_LEVEL=warn: an error or fatal line (pino levels 50 and 60) would be a failure during shutdown.
    expect(proc.output()).not.toMatch(/"level":(50|60)/)
    expect(fs.existsSync(path.join(dataDir, 'accord.lock'))).toBe(false)
    for (const doc of docs) {
      expect(paragraphs(await storedDoc(databaseFile(dataDir), doc.id))).toEqual([doc.text])
    }
    reportFigure('3 SIGTERM', {
      documentsFlushed: docs.length,
      exitCode: 0,
      shutdownMs: Math.round(shutdownMs),
    })
  })

  it('leaves no timer behind and touches the database no more once it is closed', async () => {
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r))
    const baseline = timeouts()
    const t = await newTestServer({ FLUSH_DELAY_MS: '600000', IDLE_UNLOAD_MS: '600000' })
    const member = await t.newUser('member')
    // Three rooms in three states: a pending flush, a failing save with a retry due, an idle unload due.
    const pending = await t.newDocument(member.cookie, 'pending flush')
    const failing = await t.newDocument(member.cookie, 'failing save')
    const idle = await t.newDocument(member.cookie, 'idle')
    const clients = [pending, failing, idle].map((id) => newTestClient(t.wsUrl, id, member.cookie))
    await Promise.all(clients.map((c) => c.synced()))
    clients[0]?.type('waiting for the flush timer')
    clients[2]?.destroy()
    const db = serverDatabase(t)
    await db.exec('PRAGMA query_only = ON')
    clients[1]?.type('cannot be saved')
    const room = () => t.server.registry.loaded(failing)
    await vi.waitFor(() => expect(room()?.hasPending).toBe(true))
    await room()?.flush()
    expect(room()?.saveFailing).toBe(true)

    for (const c of clients) c.destroy()
    await t.server.close()
    const calls = [
      vi.spyOn(SqliteDatabase.prototype, 'run'),
      vi.spyOn(SqliteDatabase.prototype, 'transaction'),
      vi.spyOn(SqliteDatabase.prototype, 'get'),
      vi.spyOn(SqliteDatabase.prototype, 'all'),
      vi.spyOn(SqliteDatabase.prototype, 'exec'),
      vi.spyOn(SqliteDatabase.prototype, 'runInTransaction'),
    ]
    try {
      // Longer than the first save retry (100 ms): a timer that outlived the close would fire now.
      await new Promise((r) => setTimeout(r, 400))
      for (const spy of calls) expect(spy).not.toHaveBeenCalled()
      // Give the event loop a few turns to let closed sockets finish, then count timers.
      await vi.waitFor(() => expect(timeouts()).toBeLessThanOrEqual(baseline))
    } finally {
      for (const spy of calls) spy.mockRestore()
      fs.rmSync(t.dataDir, { recursive: true, force: true })
    }
  })
})
