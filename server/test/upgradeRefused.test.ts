import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { upgradeStatus } from './utils/rawSocket.js'

describe('the WebSocket upgrade is refused before anything happens', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  beforeAll(async () => {
    t = await newTestServer()
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
  })
  afterAll(() => t.close())

  it('without a session cookie: 401', async () => {
    expect(await upgradeStatus(`${t.wsUrl}/${docId}`)).toBe(401)
  })

  it('with a forged cookie: 401', async () => {
    expect(await upgradeStatus(`${t.wsUrl}/${docId}`, { cookie: 'accord_session=forged' })).toBe(
      401,
    )
  })

  it('after signing out: 401', async () => {
    const user = await t.newUser('member')
    expect((await t.api('DELETE', '/api/session', { cookie: user.cookie })).status).toBe(204)
    expect(await upgradeStatus(`${t.wsUrl}/${docId}`, { cookie: user.cookie })).toBe(401)
  })

  it('from a foreign Origin (cross-site WebSocket hijacking): 403', async () => {
    expect(
      await upgradeStatus(`${t.wsUrl}/${docId}`, { cookie, origin: 'https://evil.example' }),
    ).toBe(403)
  })

  it('for an unknown or path-like document id: 404, and no document is created', async () => {
    expect(await upgradeStatus(`${t.wsUrl}/doesnotexist`, { cookie })).toBe(404)
    expect(await upgradeStatus(`${t.wsUrl}/..%2F..%2Fetc`, { cookie })).toBe(404)
    expect(
      await upgradeStatus(`${t.url.replace('http', 'ws')}/elsewhere/${docId}`, { cookie }),
    ).toBe(404)
    const list = await t.api<{ documents: unknown[] }>('GET', '/api/documents', { cookie })
    expect(list.body.documents).toHaveLength(1)
    expect(t.server.registry.loadedCount).toBe(0)
  })
})
