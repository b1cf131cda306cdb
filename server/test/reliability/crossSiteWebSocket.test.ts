import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ADMIN, newTestServer, type TestServer } from '../utils/newTestServer.js'
import { rawSocket, upgradeStatus } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { apiCall, signIn } from './support/serverProcess.js'

describe('cross-site WebSocket hijacking', () => {
  let t: TestServer
  let https: TestServer
  let cookie: string
  let docId: string
  beforeAll(async () => {
    t = await newTestServer()
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
    // Behind a TLS proxy: the public origin is https, the server itself listens on loopback.
    https = await newTestServer({ PUBLIC_ORIGIN: 'https://drafts.example.org' })
  })
  afterAll(async () => {
    await t.close()
    await https.close()
  })

  it('the configured public origin is let in', async () => {
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie, origin: t.url })
    ws.close()
    expect((await closed).code).toBe(1005)
  })

  it('a foreign origin gets 403, even with a valid session cookie', async () => {
    const { port } = new URL(t.url)
    const foreign = [
      'https://evil.example',
      'null',
      `http://localhost:${port}`,
      `https://127.0.0.1:${port}`,
      `http://127.0.0.1:${Number(port) + 1}`,
      `${t.url}.evil.example`,
    ]
    for (const origin of foreign) {
      expect(await upgradeStatus(`${t.wsUrl}/${docId}`, { cookie, origin }), origin).toBe(403)
    }
    // The https server is reached on its loopback port, as its TLS proxy would reach it.
    const local = `http://127.0.0.1:${https.server.port}`
    const admin = await signIn(local, ADMIN.email, ADMIN.password)
    const { id } = await apiCall<{ id: string }>(local, 'POST', '/api/documents', admin, {
      title: 'TLS',
    })
    const wsUrl = `ws://127.0.0.1:${https.server.port}/collab/${id}`
    expect(await upgradeStatus(wsUrl, { cookie: admin, origin: 'http://drafts.example.org' })).toBe(
      403,
    )
    const { ws, closed } = await rawSocket(wsUrl, {
      cookie: admin,
      origin: 'https://drafts.example.org',
    })
    ws.close()
    expect((await closed).code).toBe(1005)
    reportFigure('17 cross-site WebSocket', {
      foreignOriginsRefused: foreign.length + 1,
      status: 403,
    })
  })
})
