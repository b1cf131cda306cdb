import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { PostgresDatabase } from '../../src/store/postgres/PostgresDatabase.js'
import { SqlDocumentStore } from '../../src/store/SqlDocumentStore.js'
import { newTestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { paragraphs } from '../utils/paragraphs.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'
import { startTcpProxy, type TcpProxy } from '../utils/tcpProxy.js'

/** PostgreSQL goes away mid-session (here: the network path to it is cut) and comes back. */
describe.skipIf(!POSTGRES_URL)('PostgreSQL briefly unavailable', () => {
  let database: Awaited<ReturnType<typeof freshPostgresDatabase>>
  let proxy: TcpProxy
  let t: TestServer

  beforeAll(async () => {
    database = await freshPostgresDatabase()
    const direct = new URL(database.url)
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) })
    const viaProxy = new URL(database.url)
    viaProxy.port = String(proxy.port)
    t = await newTestServer({ DATABASE_URL: viaProxy.toString() })
  })

  afterAll(async () => {
    await t?.close()
    await proxy?.close()
    await database?.drop()
  })

  it('answers 503 meanwhile, keeps every edit, and saves them by itself once it is back', async () => {
    const member = await t.newUser('member')
    const documentId = await t.newDocument(member.cookie)
    const writer = newTestClient(t.wsUrl, documentId, member.cookie)
    try {
      await writer.synced()
      writer.type('before the outage')
      await vi.waitFor(() => expect(t.server.registry.loaded(documentId)?.hasPending).toBe(false))

      await proxy.cut()
      for (let i = 0; i < 5; i++) writer.type(`typed during the outage ${i}`)
      const room = () => t.server.registry.loaded(documentId)
      await vi.waitFor(() => expect(room()?.saveFailing).toBe(true))

      const list = await t.api<{ error: { code: string } }>('GET', '/api/documents', {
        cookie: member.cookie,
      })
      expect(list.status).toBe(503)
      expect(list.body.error.code).toBe('unavailable')
      expect(list.headers.get('retry-after')).toBe('5')
      const ready = await t.api<{ ok: boolean; database: boolean }>('GET', '/api/health/ready')
      expect(ready.status).toBe(503)
      expect(ready.body).toMatchObject({ ok: false, database: false })
      // Liveness stays up: the process is fine, only its database is away.
      expect((await t.api('GET', '/api/health')).status).toBe(200)

      await proxy.restore()
      await vi.waitFor(() => expect(room()?.saveFailing).toBe(false), { timeout: 20_000 })
      expect((await t.api('GET', '/api/health/ready')).status).toBe(200)
      expect((await t.api('GET', '/api/documents', { cookie: member.cookie })).status).toBe(200)

      // What is stored, read straight from PostgreSQL, holds every line.
      const db = PostgresDatabase.connect(database.url, () => undefined)
      try {
        const stored = await new SqlDocumentStore(db).load(documentId)
        const doc = new Y.Doc()
        for (const update of stored.updates) Y.applyUpdate(doc, update)
        expect(paragraphs(doc)).toEqual([
          'before the outage',
          ...[0, 1, 2, 3, 4].map((i) => `typed during the outage ${i}`),
        ])
      } finally {
        await db.close()
      }
    } finally {
      writer.destroy()
    }
  })

  it('a connection lost in the middle of a transaction fails that transaction, not the process', async () => {
    const viaProxy = new URL(database.url)
    viaProxy.port = String(proxy.port)
    const db = PostgresDatabase.connect(viaProxy.toString(), () => undefined)
    try {
      const lostMidway = db.transaction(async (tx) => {
        await tx.get('SELECT 1')
        // The client is checked out and idle between two queries when its connection goes.
        await proxy.cut()
        await new Promise((resolve) => setTimeout(resolve, 200))
        return tx.get('SELECT 1')
      })
      await expect(lostMidway).rejects.toThrow()
      await proxy.restore()
      // The broken client was dropped, not returned to the pool: the next transaction works.
      expect(await db.transaction((tx) => tx.get<{ n: number }>('SELECT 1 AS n'))).toEqual({ n: 1 })
    } finally {
      await proxy.restore().catch(() => undefined)
      await db.close()
    }
  })
})
