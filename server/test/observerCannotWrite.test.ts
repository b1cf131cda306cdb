import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { paragraphUpdate, rawSocket, syncFrame } from './utils/rawSocket.js'

/** Gives in-flight messages time to arrive, so that "nothing happened" is a real observation. */
const settle = () => new Promise((r) => setTimeout(r, 300))

describe('the server decides what a connection may change', () => {
  let t: TestServer
  const clients: TestClient[] = []
  beforeEach(async () => {
    t = await newTestServer()
  })
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await t.close()
  })
  const client = (docId: string, cookie: string) => {
    const c = newTestClient(t.wsUrl, docId, cookie)
    clients.push(c)
    return c
  }

  it("drops an observer's crafted SyncStep2 and Update: not applied, not relayed, not stored", async () => {
    const member = await t.newUser('member')
    const observer = await t.newUser('observer')
    const docId = await t.newDocument(member.cookie)
    const m = client(docId, member.cookie)
    await m.synced()
    m.type('original')

    const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie: observer.cookie })
    ws.send(syncFrame(1, paragraphUpdate('injected by SyncStep2')))
    ws.send(syncFrame(2, paragraphUpdate('injected by Update')))
    await settle()
    expect(m.text()).toBe('original')
    ws.close()

    await t.restart()
    const fresh = client(docId, member.cookie)
    await fresh.synced()
    await vi.waitFor(() => expect(fresh.text()).toBe('original'))
  })

  it("an observer's provider edits stay local", async () => {
    const member = await t.newUser('member')
    const observer = await t.newUser('observer')
    const docId = await t.newDocument(member.cookie)
    const m = client(docId, member.cookie)
    const o = client(docId, observer.cookie)
    await Promise.all([m.synced(), o.synced()])
    o.type('observer typed this')
    m.type('member typed this')
    await vi.waitFor(() => expect(o.text()).toContain('member typed this'))
    await settle()
    expect(m.text()).toBe('member typed this')
  })

  it('a demotion applies to an open socket at once', async () => {
    const member = await t.newUser('member')
    const other = await t.newUser('member')
    const docId = await t.newDocument(member.cookie)
    const a = client(docId, member.cookie)
    const b = client(docId, other.cookie)
    await Promise.all([a.synced(), b.synced()])
    b.type('before demotion')
    await vi.waitFor(() => expect(a.text()).toBe('before demotion'))

    const res = await t.api('PATCH', `/api/users/${other.user.id}`, {
      cookie: await t.adminCookie(),
      body: { role: 'observer' },
    })
    expect(res.status).toBe(200)
    b.type('after demotion')
    await settle()
    expect(a.text()).toBe('before demotion')
  })

  it('a final document accepts no text from anyone', async () => {
    const member = await t.newUser('member')
    const docId = await t.newDocument(member.cookie)
    const a = client(docId, member.cookie)
    await a.synced()
    a.type('agreed text')
    const admin = await t.adminCookie()
    await vi.waitFor(() => expect(a.text()).toBe('agreed text'))
    expect(
      (
        await t.api('PATCH', `/api/documents/${docId}`, {
          cookie: admin,
          body: { status: 'final' },
        })
      ).status,
    ).toBe(200)
    a.type('late change')
    await settle()
    const check = client(docId, admin)
    await check.synced()
    await vi.waitFor(() => expect(check.text()).toBe('agreed text'))
  })
})
