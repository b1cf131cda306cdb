import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newTestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { LONG, reportFigure } from './support/figures.js'
import { databaseFile, openSecondConnection, paragraphs, storedDoc } from './support/sqliteFile.js'

const CLOSES = LONG ? 200 : 25

describe('a client that closes right after typing', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await newTestServer()
  })
  afterAll(() => t.close())

  it('has its last edit stored within the flush window', async () => {
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const db = openSecondConnection(databaseFile(t.dataDir))
    const rows = async () =>
      (
        await db.all<{ n: number }>(
          'SELECT count(*) AS n FROM document_updates WHERE document_id = ?',
          [docId],
        )
      )[0]?.n ?? 0
    const windowMs: number[] = []
    const texts: string[] = []
    try {
      for (let i = 0; i < CLOSES; i++) {
        const client = newTestClient(t.wsUrl, docId, cookie)
        await client.synced()
        const before = await rows()
        const text = `last words ${i}`
        texts.push(text)
        // Type and close in the same tick, as a tab closed on the keystroke would.
        client.type(text)
        const closedAt = performance.now()
        client.destroy()
        await vi.waitFor(async () => expect(await rows()).toBeGreaterThan(before), {
          interval: 2,
        })
        windowMs.push(performance.now() - closedAt)
      }
    } finally {
      await db.close()
    }
    expect(paragraphs(await storedDoc(databaseFile(t.dataDir), docId))).toEqual(texts)
    const sorted = [...windowMs].sort((a, b) => a - b)
    reportFigure('2 close right after typing', {
      closes: CLOSES,
      lost: 0,
      flushDelayMs: 25,
      medianCloseToCommitMs: Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0),
      maxCloseToCommitMs: Math.round(sorted.at(-1) ?? 0),
    })
  })
})
