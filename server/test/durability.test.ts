import { type ChildProcess, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { ADMIN, newTestServer, type TestServer } from './utils/newTestServer.js'

const serverDir = path.resolve(import.meta.dirname, '..')

const query = <T>(file: string, sql: string): Promise<T[]> =>
  new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY)
    db.all(sql, (err, rows) => {
      db.close()
      if (err) reject(err)
      else resolve(rows as T[])
    })
  })

describe('nothing typed is lost', () => {
  const cleanups: (() => Promise<void> | void)[] = []
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c()
  })
  const server = async (env: Record<string, string> = {}) => {
    const t = await newTestServer(env)
    cleanups.push(() => t.close())
    return t
  }
  const client = (t: TestServer, docId: string, cookie: string): TestClient => {
    const c = newTestClient(t.wsUrl, docId, cookie)
    cleanups.push(() => c.destroy())
    return c
  }

  it('compacts a long log into one state row and loads it back', async () => {
    const t = await server({ COMPACT_AFTER_UPDATES: '5', FLUSH_DELAY_MS: '1' })
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const a = client(t, docId, cookie)
    await a.synced()
    for (let i = 0; i < 30; i++) {
      a.type(`строка ${i}`)
      await new Promise((r) => setTimeout(r, 5))
    }
    const db = path.join(t.dataDir, 'accord.sqlite')
    await vi.waitFor(async () => {
      const [state] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM document_state')
      const [log] = await query<{ n: number }>(db, 'SELECT count(*) AS n FROM document_updates')
      expect(state?.n).toBe(1)
      expect(log?.n).toBeLessThan(5)
    })
    await t.restart()
    const b = client(t, docId, cookie)
    await b.synced()
    await vi.waitFor(() => expect(b.fragment.length).toBe(30))
    expect(b.text()).toBe(a.text())
  })

  it('unloads an idle document after its last client leaves, and loads it again on demand', async () => {
    const t = await server({ IDLE_UNLOAD_MS: '50' })
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const a = newTestClient(t.wsUrl, docId, cookie)
    await a.synced()
    a.type('kept after unload')
    await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(1))
    a.destroy()
    await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(0))
    const b = client(t, docId, cookie)
    await b.synced()
    await vi.waitFor(() => expect(b.text()).toBe('kept after unload'))
  })

  it('twenty clients opening a cold document share one load and get the full text', async () => {
    const t = await server()
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const seed = client(t, docId, cookie)
    await seed.synced()
    seed.type('общий текст')
    await t.restart()
    const clients = Array.from({ length: 20 }, () => client(t, docId, cookie))
    await Promise.all(clients.map((c) => c.synced()))
    expect(t.server.registry.loadedCount).toBe(1)
    for (const c of clients) await vi.waitFor(() => expect(c.text()).toBe('общий текст'))
  })

  it('a second server on the same DATA_DIR refuses to start with a clear message', async () => {
    const t = await server()
    await expect(newTestServer({ DATA_DIR: t.dataDir })).rejects.toThrow(
      /Another Accord server .* is using/,
    )
  })

  describe('the built server process', () => {
    let child: ChildProcess | undefined
    afterEach(() => {
      child?.kill('SIGKILL')
    })

    const startProcess = async (
      dataDir: string,
      port: number,
      env: Record<string, string> = {},
    ) => {
      child = spawn(process.execPath, ['dist/main.js'], {
        cwd: serverDir,
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATA_DIR: dataDir,
          ADMIN_EMAIL: ADMIN.email,
          ADMIN_PASSWORD: ADMIN.password,
          LOG_LEVEL: 'warn',
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      })
      let output = ''
      child.stdout?.on('data', (d) => {
        output += d
      })
      child.stderr?.on('data', (d) => {
        output += d
      })
      await vi.waitFor(() => expect(output).toContain('Accord is running at'), { timeout: 15_000 })
      return child
    }

    it('on SIGTERM saves every pending update, then exits 0', async () => {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-sigterm-'))
      cleanups.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
      const port = 20_000 + Math.floor(Math.random() * 20_000)
      // A flush delay far longer than the test: only the shutdown flush can have saved the text.
      const proc = await startProcess(dataDir, port, { FLUSH_DELAY_MS: '600000' })
      const url = `http://127.0.0.1:${port}`
      const login = await fetch(`${url}/api/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(ADMIN),
      })
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] as string
      const created = await fetch(`${url}/api/documents`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ title: 'SIGTERM' }),
      })
      const { id } = (await created.json()) as { id: string }
      const a = newTestClient(`ws://127.0.0.1:${port}/collab`, id, cookie)
      cleanups.push(() => a.destroy())
      await a.synced()
      a.type('saved at shutdown')
      // Wait until the server has the update in memory: a second client sees it.
      const b = newTestClient(`ws://127.0.0.1:${port}/collab`, id, cookie)
      cleanups.push(() => b.destroy())
      await vi.waitFor(() => expect(b.text()).toBe('saved at shutdown'))
      const exited = new Promise<number | null>((resolve) =>
        proc.on('exit', (code) => resolve(code)),
      )
      proc.kill('SIGTERM')
      expect(await exited).toBe(0)
      a.destroy()
      b.destroy()
      const rows = await query<{ n: number }>(
        path.join(dataDir, 'accord.sqlite'),
        'SELECT (SELECT count(*) FROM document_state) + (SELECT count(*) FROM document_updates) AS n',
      )
      expect(rows[0]?.n).toBeGreaterThan(0)
      expect(fs.existsSync(path.join(dataDir, 'accord.lock'))).toBe(false)

      const t = await server({ DATA_DIR: dataDir })
      const c = client(t, id, await t.adminCookie())
      await c.synced()
      await vi.waitFor(() => expect(c.text()).toBe('saved at shutdown'))
    })
  })
})

describe('npm run backup', () => {
  it('writes a consistent copy while the server runs and clients edit', async () => {
    const { backup } = await import('../src/backup.js')
    const t = await newTestServer()
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie, 'Резервная копия')
    const a = newTestClient(t.wsUrl, docId, cookie)
    try {
      await a.synced()
      a.type('в копии')
      await new Promise((r) => setTimeout(r, 100))
      const out = await backup(t.dataDir, path.join(t.dataDir, 'copy.sqlite'))
      const titles = await query<{ title: string }>(out, 'SELECT title FROM documents')
      expect(titles).toEqual([{ title: 'Резервная копия' }])
      await expect(backup(t.dataDir, out)).rejects.toThrow(/exists already/)
    } finally {
      a.destroy()
      await t.close()
    }
  })
})
