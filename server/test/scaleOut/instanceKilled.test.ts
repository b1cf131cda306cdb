import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import {
  apiCall,
  freePort,
  type ServerProcess,
  signIn,
  startServerProcess,
} from '../reliability/support/serverProcess.js'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { ADMIN } from '../utils/newTestServer.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'
import { REDIS_SERVER, startRedis, type TestRedis } from '../utils/redisServer.js'

const wsOf = (p: ServerProcess) => `${p.url.replace(/^http/, 'ws')}/collab`

/**
 * Instances as real processes, so one can be killed with SIGKILL while its clients type;
 * the clients then reconnect to the surviving instance, as behind a load balancer.
 */
describe.skipIf(!POSTGRES_URL || !REDIS_SERVER)('an instance killed while clients type', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>
  let redis: TestRedis
  const processes: ServerProcess[] = []
  const clients: TestClient[] = []
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-scale-'))

  const instance = async () => {
    const p = await startServerProcess(dataDir, await freePort(), {
      DATABASE_URL: database.url,
      REDIS_URL: redis.url,
    })
    processes.push(p)
    return p
  }

  beforeAll(async () => {
    database = await freshPostgresDatabase()
    redis = await startRedis()
  })

  afterAll(async () => {
    for (const c of clients) c.destroy()
    for (const p of processes) {
      if (p.child.exitCode === null) {
        p.child.kill('SIGTERM')
        await p.exited
      }
    }
    await redis?.stop()
    await database?.drop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('loses nothing: the clients reconnect to the other instance and every line arrives', async () => {
    const doomed = await instance()
    const survivor = await instance()
    const cookie = await signIn(doomed.url, ADMIN.email, ADMIN.password)
    const { id: documentId } = await apiCall<{ id: string }>(
      doomed.url,
      'POST',
      '/api/documents',
      cookie,
      {
        title: 'Killed mid-edit',
      },
    )
    const writers = [0, 1].map((i) => {
      const c = newTestClient(wsOf(doomed), documentId, cookie)
      clients.push(c)
      return { c, i }
    })
    const watcher = newTestClient(wsOf(survivor), documentId, cookie)
    clients.push(watcher)
    await Promise.all([...writers.map((w) => w.c.synced()), watcher.synced()])

    // Both writers type every 5 ms; the instance they are on dies in the middle of it.
    const typed: string[] = []
    let n = 0
    const typing = setInterval(() => {
      for (const w of writers) {
        const line = `writer ${w.i} line ${n}`
        w.c.type(line)
        typed.push(line)
      }
      n++
    }, 5)
    await vi.waitFor(() => expect(watcher.text().split('\n').length).toBeGreaterThan(20))
    doomed.child.kill('SIGKILL')
    expect(await doomed.exited).toBe('SIGKILL')
    await new Promise((resolve) => setTimeout(resolve, 100))
    clearInterval(typing)

    // Reconnect each copy, with whatever it holds that the dead instance never saved, to the survivor.
    const moved = writers.map(({ c }) => {
      c.provider.destroy()
      const again = newTestClient(wsOf(survivor), documentId, cookie, c.doc)
      clients.push(again)
      return again
    })
    await Promise.all(moved.map((c) => c.synced()))
    await vi.waitFor(() => expect(new Set(watcher.text().split('\n'))).toEqual(new Set(typed)), {
      timeout: 15_000,
    })

    // And storage holds all of it: a third instance serves the whole text.
    const third = await instance()
    const fresh = newTestClient(wsOf(third), documentId, cookie)
    clients.push(fresh)
    await fresh.synced()
    await vi.waitFor(() => expect(new Set(fresh.text().split('\n'))).toEqual(new Set(typed)), {
      timeout: 15_000,
    })
    expect(typed.length).toBeGreaterThan(40)
  })
})
