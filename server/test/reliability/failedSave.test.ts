import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import type { SqliteDatabase } from '../../src/store/sqlite/SqliteDatabase.js'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { type EventStream, openEventStream } from './support/eventStream.js'
import { reportFigure } from './support/figures.js'
import { serverDatabase } from './support/serverDatabase.js'
import { databaseFile, openSecondConnection, paragraphs, storedDoc } from './support/sqliteFile.js'

/** A fault SQLite reports on a save, and how to end it. */
interface Fault {
  name: string
  start(t: TestServer, db: SqliteDatabase): Promise<() => Promise<void>>
}

const faults: Fault[] = [
  {
    name: 'a read-only database (SQLITE_READONLY)',
    async start(_t, db) {
      await db.exec('PRAGMA query_only = ON')
      return () => db.exec('PRAGMA query_only = OFF')
    },
  },
  {
    // max_page_count caps the file at its current size: every write that needs a new page fails as on a full disk.
    name: 'a full disk (SQLITE_FULL)',
    async start(_t, db) {
      await db.exec('PRAGMA max_page_count = 1')
      return () => db.exec('PRAGMA max_page_count = 1073741823')
    },
  },
  {
    name: 'a database locked by another process (SQLITE_BUSY)',
    async start(t, db) {
      // Another connection holds the write lock; the server gives up waiting after 50 ms instead of 5 s.
      await db.exec('PRAGMA busy_timeout = 50')
      const other = openSecondConnection(databaseFile(t.dataDir))
      await other.exec('BEGIN IMMEDIATE')
      return async () => {
        await other.exec('ROLLBACK')
        await other.close()
        await db.exec('PRAGMA busy_timeout = 5000')
      }
    },
  },
]

describe('a failed save', () => {
  let t: TestServer
  const clients: TestClient[] = []
  let stream: EventStream | undefined
  beforeEach(async () => {
    t = await newTestServer({ FLUSH_DELAY_MS: '5', IDLE_UNLOAD_MS: '50' })
  })
  afterEach(async () => {
    stream?.close()
    for (const c of clients.splice(0)) c.destroy()
    await t.close()
  })

  it.each(faults)(
    '$name: no crash, the room stays loaded and retries, people are warned, memory and database agree after recovery',
    async (fault) => {
      const member = await t.newUser('member')
      const docId = await t.newDocument(member.cookie)
      const a = newTestClient(t.wsUrl, docId, member.cookie)
      const b = newTestClient(t.wsUrl, docId, member.cookie)
      clients.push(a, b)
      await Promise.all([a.synced(), b.synced()])
      a.type('before the fault')
      const file = databaseFile(t.dataDir)
      await vi.waitFor(async () =>
        expect(paragraphs(await storedDoc(file, docId))).toEqual(['before the fault']),
      )
      stream = await openEventStream(t.url, docId, member.cookie)
      const saveStates = () =>
        stream?.events.flatMap((e) => (e.type === 'saveState' ? [e.failing] : [])) ?? []

      const end = await fault.start(t, serverDatabase(t))
      const failedAt = performance.now()
      // Big enough to need new pages, so a capped file cannot absorb it.
      const big = 'x'.repeat(64 * 1024)
      a.type('during the fault')
      a.type(big)
      // The room keeps serving: the other editor still receives the text.
      await vi.waitFor(() => expect(b.text()).toBe(`before the fault\nduring the fault\n${big}`))
      await vi.waitFor(() => expect(saveStates()).toContain(true))
      const warnedMs = performance.now() - failedAt
      const room = t.server.registry.loaded(docId)
      expect(room?.saveFailing).toBe(true)
      expect(room?.hasPending).toBe(true)

      // Everyone leaves while saving fails: the room must not be unloaded with unsaved text.
      a.destroy()
      b.destroy()
      // Several idle-unload periods (50 ms) pass; each unload attempt fails and keeps the room.
      await new Promise((r) => setTimeout(r, 300))
      expect(t.server.registry.loaded(docId)).toBe(room)
      expect(paragraphs(await storedDoc(file, docId))).toEqual(['before the fault'])

      await end()
      const endedAt = performance.now()
      await vi.waitFor(() => expect(saveStates().at(-1)).toBe(false), { timeout: 15_000 })
      const recoveredMs = performance.now() - endedAt
      const stored = await storedDoc(file, docId)
      expect(paragraphs(stored)).toEqual(['before the fault', 'during the fault', big])
      // Then the idle room is saved, compacted and unloaded as usual.
      await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(0), { timeout: 15_000 })
      const final = await storedDoc(file, docId)
      expect(Y.encodeStateVector(final)).toEqual(Y.encodeStateVector(stored))

      const c = newTestClient(t.wsUrl, docId, member.cookie)
      clients.push(c)
      await c.synced()
      await vi.waitFor(() => expect(c.text()).toBe(`before the fault\nduring the fault\n${big}`))
      const memory = t.server.registry.loaded(docId)?.doc as Y.Doc
      expect(Y.encodeStateVector(memory)).toEqual(Y.encodeStateVector(final))
      expect(memory.getXmlFragment('default').toJSON()).toBe(
        final.getXmlFragment('default').toJSON(),
      )

      reportFigure('4 failed save', {
        fault: fault.name,
        crashed: false,
        warnedAfterMs: Math.round(warnedMs),
        savedAfterFaultEndedMs: Math.round(recoveredMs),
        lost: 0,
      })
    },
  )
})
