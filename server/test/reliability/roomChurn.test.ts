import { CloseCode } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type WebSocket from 'ws'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { paragraphUpdate, rawSocket, syncFrame, upgradeStatus } from '../utils/rawSocket.js'
import { LONG, reportFigure } from './support/figures.js'
import { heapAfterGc, MiB } from './support/heap.js'
import { databaseFile, withConnection } from './support/sqliteFile.js'

const ROOMS = LONG ? 20_000 : 5000
const CONCURRENCY = 25

type Kind = 'read' | 'edit' | 'unauthenticated' | 'corrupt'
/** Every tenth attempt fails authentication, every tenth fails to load, every fifth edits. */
const kindOf = (i: number): Kind =>
  i % 10 === 0 ? 'unauthenticated' : i % 10 === 1 ? 'corrupt' : i % 5 === 2 ? 'edit' : 'read'

/** Opens a socket, waits for the server's first message (or a refusal), maybe edits, closes. */
const visit = async (url: string, cookie: string, kind: Kind): Promise<number> => {
  if (kind === 'unauthenticated') return upgradeStatus(url)
  const { ws, closed } = await rawSocket(url, { cookie })
  const first = new Promise<void>((resolve) => (ws as WebSocket).once('message', () => resolve()))
  const outcome = await Promise.race([first.then(() => 0), closed.then((c) => c.code)])
  if (outcome !== 0) return outcome
  if (kind === 'edit') ws.send(syncFrame(2, paragraphUpdate('churn')))
  ws.close()
  await closed
  return 101
}

describe(`opening and closing ${ROOMS} rooms`, () => {
  let t: TestServer
  let cookie: string
  const ids: string[] = []
  beforeAll(async () => {
    t = await newTestServer({ IDLE_UNLOAD_MS: '0', MAX_MESSAGES_PER_SECOND: '1000' })
    const member = await t.newUser('member')
    cookie = member.cookie
    // Created straight in the database: the API would add minutes and test nothing new.
    await withConnection(databaseFile(t.dataDir), async (c) => {
      await c.exec('BEGIN')
      const now = new Date().toISOString()
      for (let i = 0; i < ROOMS; i++) {
        const id = `churn-${i}`
        ids.push(id)
        await c.run(
          `INSERT INTO documents (id, title, status, created_at, created_by, updated_at, status_changed_at)
           VALUES (?, ?, 'draft', ?, ?, ?, ?)`,
          [id, `Churn ${i}`, now, member.user.id, now, now],
        )
        if (kindOf(i) === 'corrupt') {
          await c.run(
            `INSERT INTO document_state (document_id, state, compacted_at) VALUES (?, ?, ?)`,
            [id, Buffer.from([0x01, 0xff, 0xff]), now],
          )
        }
      }
      await c.exec('COMMIT')
    })
  })
  afterAll(() => t.close())

  it(
    'returns to no loaded room and to its baseline memory',
    async () => {
      const url = (id: string) => `${t.wsUrl}/${id}`
      const outcomes = new Map<number, number>()
      let maxLoaded = 0
      const run = async (from: number, to: number) => {
        for (let i = from; i < to; i += CONCURRENCY) {
          const batch = ids.slice(i, Math.min(to, i + CONCURRENCY))
          const results = await Promise.all(
            batch.map((id, k) => visit(url(id), cookie, kindOf(i + k))),
          )
          for (const r of results) outcomes.set(r, (outcomes.get(r) ?? 0) + 1)
          maxLoaded = Math.max(maxLoaded, t.server.registry.loadedCount)
        }
      }
      // Warm up (code paths compiled, pools filled) before taking the baseline.
      const warmup = Math.min(500, ROOMS / 10)
      await run(0, warmup)
      await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(0))
      const baseline = await heapAfterGc()
      const started = performance.now()
      await run(warmup, ROOMS)
      const elapsedMs = performance.now() - started
      await vi.waitFor(() => expect(t.server.registry.loadedCount).toBe(0), { timeout: 20_000 })
      const after = await heapAfterGc()

      const expected = (kind: Kind) => ids.filter((_, i) => kindOf(i) === kind).length
      expect(outcomes.get(401)).toBe(expected('unauthenticated'))
      expect(outcomes.get(CloseCode.unavailable.code)).toBe(expected('corrupt'))
      expect(outcomes.get(101)).toBe(expected('read') + expected('edit'))
      const growth = after - baseline
      reportFigure('12 room churn', {
        rooms: ROOMS,
        opened: expected('read') + expected('edit'),
        edited: expected('edit'),
        failedAuthentication: expected('unauthenticated'),
        failedLoads: expected('corrupt'),
        maxLoadedAtOnce: maxLoaded,
        loadedAtEnd: 0,
        memoryGrowthMiB: Math.round((growth / MiB) * 10) / 10,
        roomsPerSecond: Math.round(((ROOMS - warmup) / elapsedMs) * 1000),
      })
      // A leak of even 2 KB per room would show as 9 MiB here.
      expect(growth).toBeLessThan(8 * MiB)
    },
    (LONG ? 20 : 3) * 60_000,
  )
})
