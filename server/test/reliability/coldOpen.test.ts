import { afterEach, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { reportFigure } from './support/figures.js'

const CLIENTS = 20

describe('twenty clients opening a cold document at once', () => {
  let t: TestServer
  const clients: TestClient[] = []
  afterEach(async () => {
    for (const c of clients.splice(0)) c.destroy()
    await t.close()
  })

  it('share one load and one Y.Doc, and all get the full text', async () => {
    t = await newTestServer()
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const seed = newTestClient(t.wsUrl, docId, cookie)
    await seed.synced()
    const text = Array.from({ length: 50 }, (_, i) => `Статья ${i}. Общий текст.`)
    for (const line of text) seed.type(line)
    seed.destroy()
    // After a restart the document is only on disk.
    await t.restart()
    expect(t.server.registry.loadedCount).toBe(0)
    const loadsBefore = t.server.registry.loadCount

    const started = performance.now()
    for (let i = 0; i < CLIENTS; i++) clients.push(newTestClient(t.wsUrl, docId, cookie))
    await Promise.all(clients.map((c) => c.synced()))
    const allSyncedMs = performance.now() - started

    expect(t.server.registry.loadCount - loadsBefore).toBe(1)
    expect(t.server.registry.loadedCount).toBe(1)
    await vi.waitFor(() => expect(t.server.registry.loaded(docId)?.connections.size).toBe(CLIENTS))
    for (const c of clients) expect(c.text()).toBe(text.join('\n'))
    reportFigure('6 cold open', {
      clients: CLIENTS,
      loads: 1,
      docsInMemory: 1,
      paragraphsEach: text.length,
      allSyncedMs: Math.round(allSyncedMs),
    })
  })
})
