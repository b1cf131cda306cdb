import { CloseCode } from '@accord/protocol'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { rawSocket } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { databaseFile, paragraphs, storedDoc, withConnection } from './support/sqliteFile.js'

interface Rows {
  state: string[]
  log: string[]
}

/** Every stored byte of a document, to prove a refusal wrote nothing. */
const rowsOf = (file: string, documentId: string): Promise<Rows> =>
  withConnection(file, async (c) => ({
    state: (
      await c.all<{ state: Buffer }>('SELECT state FROM document_state WHERE document_id = ?', [
        documentId,
      ])
    ).map((r) => r.state.toString('hex')),
    log: (
      await c.all<{ update_data: Buffer }>(
        'SELECT update_data FROM document_updates WHERE document_id = ? ORDER BY seq',
        [documentId],
      )
    ).map((r) => r.update_data.toString('hex')),
  }))

/** A way storage can fail a load, and how to repair it. */
interface Breakage {
  name: string
  break(file: string, documentId: string): Promise<() => Promise<void>>
}

const breakages: Breakage[] = [
  {
    name: 'a torn (truncated) state row',
    async break(file, documentId) {
      return withConnection(file, async (c) => {
        const [row] = await c.all<{ state: Buffer }>(
          'SELECT state FROM document_state WHERE document_id = ?',
          [documentId],
        )
        const state = row?.state as Buffer
        await c.run('UPDATE document_state SET state = ? WHERE document_id = ?', [
          state.subarray(0, Math.floor(state.length / 2)),
          documentId,
        ])
        return () =>
          withConnection(file, (r) =>
            r.run('UPDATE document_state SET state = ? WHERE document_id = ?', [state, documentId]),
          )
      })
    },
  },
  {
    name: 'a log row of random bytes',
    async break(file, documentId) {
      await withConnection(file, (c) =>
        c.run(
          `INSERT INTO document_updates (document_id, update_data, created_at) VALUES (?, ?, 'x')`,
          [documentId, Buffer.from([0xde, 0xad, 0xbe, 0xef, 0x13, 0x37, 0x42])],
        ),
      )
      return () =>
        withConnection(file, (c) =>
          c.run(`DELETE FROM document_updates WHERE document_id = ? AND created_at = 'x'`, [
            documentId,
          ]),
        )
    },
  },
  {
    name: 'a storage error (the table cannot be read)',
    async break(file) {
      await withConnection(file, (c) =>
        c.exec('ALTER TABLE document_updates RENAME TO document_updates_away'),
      )
      return () =>
        withConnection(file, (c) =>
          c.exec('ALTER TABLE document_updates_away RENAME TO document_updates'),
        )
    },
  },
]

describe('a failed or corrupt load', () => {
  let t: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    t = await newTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await t.close()
  })

  it.each(breakages)(
    '$name: a clear refusal, nothing cached, nothing saved over the stored document',
    async (breakage) => {
      const member = await t.newUser('member')
      const docId = await t.newDocument(member.cookie)
      const writer = newTestClient(t.wsUrl, docId, member.cookie)
      clients.push(writer)
      await writer.synced()
      writer.type('stored text')
      const file = databaseFile(t.dataDir)
      await vi.waitFor(async () =>
        expect(paragraphs(await storedDoc(file, docId))).toEqual(['stored text']),
      )
      // Offline while the server restarts (which compacts the document into one state row and leaves it cold).
      writer.provider.disconnect()
      await t.restart()
      const repair = await breakage.break(file, docId)
      const before = await rowsOf(file, docId).catch(() => undefined)

      // A raw client is refused with a code and a reason it can show.
      const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie: member.cookie })
      ws.on('message', () => {
        throw new Error('a refused document must send nothing')
      })
      expect(await closed).toEqual({
        code: CloseCode.unavailable.code,
        reason: CloseCode.unavailable.reason,
      })
      expect(t.server.registry.loadedCount).toBe(0)

      // The open editor, holding the text in its own Y.Doc, keeps trying; every try loads afresh and is refused.
      writer.provider.connect()
      const loadsBefore = t.server.registry.loadCount
      // Each try is a fresh load (a cached failure would be shared); none ever becomes a room.
      // (A try may be in flight at any moment, so the count of entries is not asserted here.)
      await vi.waitFor(() => expect(t.server.registry.loadCount).toBeGreaterThan(loadsBefore + 2))
      expect(t.server.registry.loadedRooms()).toEqual([])
      expect(await rowsOf(file, docId).catch(() => undefined)).toEqual(before)

      // Repaired, the document opens with its text; the waiting editor syncs without duplicating anything.
      await repair()
      await vi.waitFor(() => expect(writer.provider.synced).toBe(true), { timeout: 10_000 })
      const reader = newTestClient(t.wsUrl, docId, member.cookie)
      clients.push(reader)
      await reader.synced()
      await vi.waitFor(() => expect(reader.text()).toBe('stored text'))
      expect(paragraphs(await storedDoc(file, docId))).toEqual(['stored text'])
      reportFigure('5 failed load', {
        breakage: breakage.name,
        refusedWith: CloseCode.unavailable.code,
        cachedRooms: 0,
        rowsChanged: 0,
      })
    },
  )
})
