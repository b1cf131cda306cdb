import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { newTestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { paragraphUpdate, syncFrame, upgradeStatus } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { clientFrame, rawUpgrade } from './support/rawTcp.js'
import { databaseFile, withConnection } from './support/sqliteFile.js'

/** Row counts that any accepted write would move. */
const counts = (t: TestServer) =>
  withConnection(databaseFile(t.dataDir), (c) =>
    c.all<{ documents: number; updates: number; states: number }>(
      `SELECT (SELECT count(*) FROM documents) AS documents,
              (SELECT count(*) FROM document_updates) AS updates,
              (SELECT count(*) FROM document_state) AS states`,
    ),
  )

describe('the WebSocket handshake refuses before anything is applied', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  let before: Awaited<ReturnType<typeof counts>>
  let refusals = 0
  beforeAll(async () => {
    t = await newTestServer()
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
    before = await counts(t)
  })
  afterAll(async () => {
    // Nothing any refused attempt sent was stored, and no document was created.
    expect(await counts(t)).toEqual(before)
    await t.close()
    reportFigure('14 handshake', { refusedAttempts: refusals, documentsCreated: 0, writes: 0 })
  })
  const refused = async (url: string, headers: Record<string, string>) => {
    refusals++
    return upgradeStatus(url, headers)
  }

  it('without a session cookie: 401', async () => {
    expect(await refused(`${t.wsUrl}/${docId}`, {})).toBe(401)
  })

  it('with a forged cookie: 401', async () => {
    expect(await refused(`${t.wsUrl}/${docId}`, { cookie: 'accord_session=forged' })).toBe(401)
  })

  it('after signing out: 401', async () => {
    const user = await t.newUser('member')
    expect((await t.api('DELETE', '/api/session', { cookie: user.cookie })).status).toBe(204)
    expect(await refused(`${t.wsUrl}/${docId}`, { cookie: user.cookie })).toBe(401)
  })

  it('with an expired session: 401', async () => {
    const user = await t.newUser('member')
    await withConnection(databaseFile(t.dataDir), (c) =>
      c.run('UPDATE sessions SET expires_at = ? WHERE user_id = ?', [
        Date.now() - 1000,
        user.user.id,
      ]),
    )
    expect(await refused(`${t.wsUrl}/${docId}`, { cookie: user.cookie })).toBe(401)
  })

  it('for a deactivated account (no access any more): 401', async () => {
    const user = await t.newUser('member')
    await t.api('PATCH', `/api/users/${user.user.id}`, {
      cookie: await t.adminCookie(),
      body: { active: false },
    })
    expect(await refused(`${t.wsUrl}/${docId}`, { cookie: user.cookie })).toBe(401)
  })

  it('for an unknown or path-like document id: 404, and no document is created', async () => {
    for (const id of ['doesnotexist', '..%2F..%2Fetc', '%2e%2e', 'a'.repeat(65), '%00', 'x%20y']) {
      expect(await refused(`${t.wsUrl}/${id}`, { cookie }), id).toBe(404)
    }
    expect(await refused(`${t.url.replace('http', 'ws')}/elsewhere/${docId}`, { cookie })).toBe(404)
    expect(await refused(`${t.wsUrl}/${docId}/more`, { cookie })).toBe(404)
    expect(t.server.registry.loaded('doesnotexist')).toBeUndefined()
  })

  it('messages sent while authorization is pending are not applied when it fails', async () => {
    const update = clientFrame(syncFrame(2, paragraphUpdate('sent before the answer')))
    for (const [headers, path, status] of [
      [{}, `/collab/${docId}`, 401],
      [{ cookie: 'accord_session=forged' }, `/collab/${docId}`, 401],
      [{ cookie }, '/collab/unknown-document', 404],
      [{ cookie, origin: 'https://evil.example' }, `/collab/${docId}`, 403],
    ] as const) {
      refusals++
      const raw = rawUpgrade(t.url, path, headers, update)
      expect(await raw.status).toBe(status)
      expect(raw.messages).toEqual([])
    }
    expect(t.server.registry.loaded('unknown-document')).toBeUndefined()
  })

  it("messages sent while authorization is pending wait for it, then obey the connection's role", async () => {
    const observer = await t.newUser('observer')
    const watcher = newTestClient(t.wsUrl, docId, cookie)
    try {
      await watcher.synced()
      const stateBefore = Y.encodeStateVector(watcher.doc)
      const raw = rawUpgrade(
        t.url,
        `/collab/${docId}`,
        { cookie: observer.cookie },
        clientFrame(syncFrame(2, paragraphUpdate('an observer, pipelined'))),
      )
      expect(await raw.status).toBe(101)
      // Give the queued frame time to be handled before observing that nothing changed.
      await new Promise((r) => setTimeout(r, 300))
      expect(Y.encodeStateVector(watcher.doc)).toEqual(stateBefore)
      expect(watcher.text()).not.toContain('an observer, pipelined')
      raw.socket.destroy()
    } finally {
      watcher.destroy()
    }
  })
})
