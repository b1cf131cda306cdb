import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

describe('co-editing through the real server', () => {
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

  it('two members converge, and a third joining late receives the whole text', async () => {
    const alice = await t.newUser('member', 'Alice')
    const bob = await t.newUser('member', 'Bob')
    const docId = await t.newDocument(alice.cookie)
    const a = client(docId, alice.cookie)
    const b = client(docId, bob.cookie)
    await Promise.all([a.synced(), b.synced()])

    a.type('Статья 1. Каждый имеет право на доступ к интернету.')
    b.type('Article 2. Everyone has the right to privacy.')
    await vi.waitFor(() => {
      expect(a.fragment.length).toBe(2)
      expect(b.fragment.length).toBe(2)
    })
    expect(a.text()).toBe(b.text())

    const carol = await t.newUser('observer', 'Carol')
    const c = client(docId, carol.cookie)
    await c.synced()
    await vi.waitFor(() => expect(c.text()).toBe(a.text()))
    expect(c.text()).toContain('Каждый имеет право')
  })

  it('keeps the text across a server restart, and open clients reconnect by themselves', async () => {
    const alice = await t.newUser('member')
    const docId = await t.newDocument(alice.cookie)
    const a = client(docId, alice.cookie)
    await a.synced()
    a.type('Сохранённый текст')
    await t.restart()
    // The session lives in the database, so the same cookie still works after the restart.
    await vi.waitFor(() => expect(a.provider.wsconnected).toBe(true), { timeout: 10_000 })
    a.type('После перезапуска')

    const fresh = client(docId, alice.cookie)
    await fresh.synced()
    await vi.waitFor(() => expect(fresh.text()).toBe('Сохранённый текст\nПосле перезапуска'))
    await t.restart()
    const afterSecondRestart = client(docId, alice.cookie)
    await afterSecondRestart.synced()
    await vi.waitFor(() =>
      expect(afterSecondRestart.text()).toBe('Сохранённый текст\nПосле перезапуска'),
    )
  })
})
