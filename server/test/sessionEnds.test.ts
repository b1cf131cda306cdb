import { CloseCode } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { openEventStream } from './reliability/support/eventStream.js'
import { databaseFile, withConnection } from './reliability/support/sqliteFile.js'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { PROMPT_MS, sessionEndCases } from './utils/sessionEndCases.js'

describe('a session that ends, ends at once: its sockets and event streams (one instance)', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await newTestServer()
  })
  afterAll(() => t?.close())

  sessionEndCases({ actOn: () => t, openOn: () => t, all: () => [t] })

  it('an expiring session closes its socket and stream when it expires', async () => {
    const member = await t.newUser('member')
    const documentId = await t.newDocument(member.cookie)
    const lifeMs = 1500
    await withConnection(databaseFile(t.dataDir), (c) =>
      c.run('UPDATE sessions SET expires_at = ? WHERE user_id = ?', [
        Date.now() + lifeMs,
        member.user.id,
      ]),
    )
    const client = newTestClient(t.wsUrl, documentId, member.cookie)
    const stream = await openEventStream(t.url, documentId, member.cookie)
    try {
      const closes: number[] = []
      client.provider.on('connection-close', (event) => {
        if (event) closes.push(event.code)
      })
      await client.synced()
      await vi.waitFor(
        () => {
          expect(closes).toContain(CloseCode.unauthorized.code)
          expect(stream.ended).toBe(true)
        },
        { timeout: lifeMs + PROMPT_MS },
      )
      expect(client.provider.shouldConnect).toBe(false)
    } finally {
      client.destroy()
      stream.close()
    }
  })
})
