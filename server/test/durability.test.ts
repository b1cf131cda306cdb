import path from 'node:path'
import sqlite3 from 'sqlite3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

const query = <T>(file: string, sql: string): Promise<T[]> =>
  new Promise((resolve, reject) => {
    const db = new sqlite3.Database(file, sqlite3.OPEN_READONLY)
    db.all(sql, (err, rows) => {
      db.close()
      if (err) reject(err)
      else resolve(rows as T[])
    })
  })

/** How many rows of `table` the document has in the server's SQLite file. */
const rowsOf = async (t: TestServer, table: string, docId: string): Promise<number> => {
  const sql = `SELECT count(*) AS n FROM ${table} WHERE document_id = '${docId}'`
  const [row] = await query<{ n: number }>(path.join(t.dataDir, 'accord.sqlite'), sql)
  return row?.n ?? 0
}

describe('compaction and idle unloading', () => {
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
    // The log (the new document's row and the typing) was compacted into one state row.
    expect(await rowsOf(t, 'document_state', docId)).toBe(1)
    expect(await rowsOf(t, 'document_updates', docId)).toBe(0)
    const b = client(t, docId, cookie)
    await b.synced()
    await vi.waitFor(() => expect(b.text()).toBe('kept after unload'))
  })

  it('leaves a document stored in one row as it is when it unloads unedited', async () => {
    const t = await server({ IDLE_UNLOAD_MS: '50' })
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    expect(await rowsOf(t, 'document_updates', docId)).toBe(1)
    const a = newTestClient(t.wsUrl, docId, cookie)
    await a.synced()
    await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(1))
    a.destroy()
    await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(0))
    // Nothing to compact: the one row stays, and no state row is written.
    expect(await rowsOf(t, 'document_updates', docId)).toBe(1)
    expect(await rowsOf(t, 'document_state', docId)).toBe(0)
    const b = client(t, docId, cookie)
    await b.synced()
    b.type('после')
    await vi.waitFor(() => expect(b.text()).toBe('после'))
  })
})
