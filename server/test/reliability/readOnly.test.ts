import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { paragraphUpdate, rawSocket, syncFrame } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { databaseFile, storedDoc } from './support/sqliteFile.js'

/** Gives in-flight messages time to arrive, so that "nothing happened" is a real observation. */
const settle = () => new Promise((r) => setTimeout(r, 300))

describe('the server decides what a connection may change', () => {
  let t: TestServer
  const clients: TestClient[] = []
  let attempts = 0
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
  /** Memory, database and a peer, to compare before and after. */
  const observe = async (docId: string, peer: TestClient) => {
    await vi.waitFor(async () => {
      const stored = await storedDoc(databaseFile(t.dataDir), docId)
      expect(Y.encodeStateVector(stored)).toEqual(
        Y.encodeStateVector(t.server.registry.loaded(docId)?.doc as Y.Doc),
      )
    })
    return {
      memory: Y.encodeStateAsUpdate(t.server.registry.loaded(docId)?.doc as Y.Doc),
      database: Y.encodeStateVector(await storedDoc(databaseFile(t.dataDir), docId)),
      peer: peer.fragment.toJSON(),
    }
  }
  const sendAll = async (docId: string, cookie: string) => {
    const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    ws.send(syncFrame(1, paragraphUpdate('injected by SyncStep2')))
    ws.send(syncFrame(2, paragraphUpdate('injected by Update')))
    attempts += 2
    await settle()
    ws.close()
  }

  it("drops an observer's crafted SyncStep2 and Update: memory, database and peers unchanged", async () => {
    const member = await t.newUser('member')
    const observer = await t.newUser('observer')
    const docId = await t.newDocument(member.cookie)
    const m = client(docId, member.cookie)
    await m.synced()
    m.type('original')
    await vi.waitFor(() =>
      expect(t.server.registry.loaded(docId)?.doc.getXmlFragment('default').length).toBe(
        m.fragment.length,
      ),
    )
    const before = await observe(docId, m)
    await sendAll(docId, observer.cookie)
    expect(await observe(docId, m)).toEqual(before)
    expect(m.text()).toBe('original')

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
    const admin = await t.adminCookie()
    const setRole = async (role: string) =>
      expect(
        (await t.api('PATCH', `/api/users/${other.user.id}`, { cookie: admin, body: { role } }))
          .status,
      ).toBe(200)

    await setRole('observer')
    const before = await observe(docId, a)
    b.type('after demotion')
    const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie: other.cookie })
    ws.send(syncFrame(2, paragraphUpdate('raw, after demotion')))
    attempts += 2
    await settle()
    ws.close()
    expect(await observe(docId, a)).toEqual(before)
  })

  it('a final document accepts no text from anyone: members, their raw SyncStep2, the secretariat', async () => {
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
    const check = client(docId, admin)
    await check.synced()
    const before = await observe(docId, check)
    a.type('late change')
    attempts++
    await sendAll(docId, member.cookie)
    await sendAll(docId, admin)
    expect(await observe(docId, check)).toEqual(before)
    expect(check.text()).toBe('agreed text')
    reportFigure('15 read-only', {
      refusedWrites: attempts,
      memoryChanged: false,
      databaseChanged: false,
      peersChanged: false,
    })
  })
})
