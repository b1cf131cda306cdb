import * as prng from 'lib0/prng'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { LocalCluster } from '../../src/cluster/LocalCluster.js'
import { Room } from '../../src/collab/Room.js'
import { createLogger } from '../../src/logger.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { rawSocket, syncFrame } from '../utils/rawSocket.js'
import { LONG, reportFigure } from './support/figures.js'
import { databaseFile, withConnection } from './support/sqliteFile.js'

const CYCLES = LONG ? 300_000 : 100_000
const PER_MESSAGE = 1000
const SEED = 7
const WORDS = ['shall', 'should', 'may', 'право', 'обязан', 'standard']

/**
 * The documented bound (docs/reliability.md, point 13). GC drops deleted text but keeps
 * one small tombstone per deleted run inside a live paragraph (Yjs needs it to place
 * concurrent edits), so a document grows with the number of scattered deletions: about
 * 16 bytes per insert/delete cycle at a random place, far less for ordinary typing.
 */
const MAX_BYTES_PER_CYCLE = 20

describe(`a long-lived document: ${CYCLES} insert/delete cycles`, () => {
  let t: TestServer
  beforeAll(async () => {
    // Compaction after 50 rows, so the log is folded into the state as it would be over months.
    t = await newTestServer({ COMPACT_AFTER_UPDATES: '50', MAX_MESSAGES_PER_SECOND: '1000' })
  })
  afterAll(() => t.close())

  it(
    'keeps its size and load time within bounds (GC on for the live document)',
    async () => {
      const { cookie } = await t.newUser('member')
      const docId = await t.newDocument(cookie)
      const gen = prng.create(SEED)
      // The editing client keeps everything (gc off), so its own size shows what the same
      // history would cost without garbage collection; the server's live document has gc on.
      const doc = new Y.Doc({ gc: false })
      const paragraph = new Y.XmlElement('paragraph')
      const text = new Y.XmlText('Each Party shall protect the right to privacy of every person.')
      paragraph.insert(0, [text])
      doc.getXmlFragment('default').insert(0, [paragraph])
      let sent: Uint8Array = new Uint8Array([0])

      const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
      // The server runs in this process: let it attach the socket before the loop keeps it busy.
      await vi.waitFor(() => expect(t.server.registry.loaded(docId)?.connections.size).toBe(1))
      for (let cycle = 1; cycle <= CYCLES; cycle++) {
        const word = `${prng.oneOf(gen, WORDS)} `
        const at = prng.int32(gen, 0, text.length)
        text.insert(at, word)
        text.delete(at, word.length)
        if (cycle % PER_MESSAGE === 0) {
          // What changed since the last message, as one update (the editor would send each
          // transaction; merged here only to keep the test quick).
          const update = Y.encodeStateAsUpdate(doc, sent)
          sent = Y.encodeStateVector(doc)
          ws.send(syncFrame(2, update))
          // Let the in-process server take each message as it comes, as it would over a network.
          await new Promise((r) => setImmediate(r))
        }
      }
      const live = () => t.server.registry.loaded(docId)?.doc as Y.Doc
      const mine = () => Y.getState(doc.store, doc.clientID)
      await vi.waitFor(() => expect(Y.getState(live().store, doc.clientID)).toBe(mine()), {
        timeout: 30_000,
      })
      ws.close()
      expect(live().getXmlFragment('default').toJSON()).toContain(
        '<paragraph>Each Party shall protect the right to privacy of every person.</paragraph>',
      )
      const liveState = Y.encodeStateAsUpdate(live()).byteLength
      const withoutGc = Y.encodeStateAsUpdate(doc).byteLength

      // Unload (saves and compacts), then measure what is stored and how long a load takes.
      await t.restart()
      const stored = await withConnection(databaseFile(t.dataDir), async (c) => {
        const rows = await c.all<{ n: number }>(
          `SELECT coalesce((SELECT length(state) FROM document_state WHERE document_id = ?), 0)
              + coalesce((SELECT sum(length(update_data)) FROM document_updates WHERE document_id = ?), 0) AS n`,
          [docId, docId],
        )
        return rows[0]?.n ?? 0
      })
      const loads: number[] = []
      for (let i = 0; i < 3; i++) {
        const started = performance.now()
        const room = await Room.load(
          docId,
          'draft',
          t.server.registry.store,
          await new LocalCluster().joinRoom(),
          { flushDelayMs: 25, compactAfterUpdates: 500 },
          createLogger('silent'),
        )
        loads.push(performance.now() - started)
        expect(room.doc.getXmlFragment('default').toJSON()).toContain('Each Party shall protect')
        room.destroy()
      }
      reportFigure('13 long-lived document', {
        cycles: CYCLES,
        liveStateBytes: liveState,
        storedBytes: stored,
        sameHistoryWithoutGcBytes: withoutGc,
        bytesPerCycle: Math.round((liveState / CYCLES) * 10) / 10,
        medianLoadMs: Math.round(([...loads].sort((a, b) => a - b)[1] ?? 0) * 10) / 10,
      })
      expect(liveState).toBeLessThan(MAX_BYTES_PER_CYCLE * CYCLES)
      // Restarting compacted the log into one state row no larger than the live state.
      expect(stored).toBeLessThanOrEqual(liveState)
    },
    (LONG ? 20 : 3) * 60_000,
  )
})
