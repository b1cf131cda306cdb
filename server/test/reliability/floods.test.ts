import { randomBytes } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { rawSocket, upgradeStatus } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { heapAfterGc, MiB } from './support/heap.js'
import { clientFrame, rawUpgrade } from './support/rawTcp.js'

const MAX_MESSAGE_BYTES = 1024 * 1024

describe('floods and oversized input', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  let bystander: TestClient
  beforeAll(async () => {
    t = await newTestServer({ MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES) })
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
    bystander = newTestClient(t.wsUrl, docId, cookie)
    await bystander.synced()
    // About 700 KB of text in one paste, so that every full-state answer is large.
    bystander.doc.transact(() => {
      for (let i = 0; i < 60; i++) bystander.type(`${i} ${'слово '.repeat(1000)}`)
    })
    await vi.waitFor(() =>
      expect(t.server.registry.loaded(docId)?.doc.getXmlFragment('default').length).toBe(
        bystander.fragment.length,
      ),
    )
  })
  afterAll(async () => {
    expect(bystander.provider.wsconnected).toBe(true)
    bystander.destroy()
    await t.close()
  })

  it('a frame over MAX_MESSAGE_BYTES is cut off and the socket closed (1009)', async () => {
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    ws.send(new Uint8Array(MAX_MESSAGE_BYTES + 1))
    expect((await closed).code).toBe(1009)
  })

  it('a flood of full-size frames is read at the byte allowance: slowed, never closed', async () => {
    // A document of its own: nobody else's presence arrives as a frame of the same type.
    const room = await t.newDocument(cookie, 'flooded')
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${room}`, { cookie })
    let open = true
    void closed.then(() => {
      open = false
    })
    let answers = 0
    ws.on('message', (data: Buffer) => {
      if (data[0] === 1) answers++
    })
    // Awareness queries padded to the limit: each one is valid, together they are too much.
    const frame = new Uint8Array(MAX_MESSAGE_BYTES - 16)
    frame[0] = 3
    const started = performance.now()
    for (let i = 0; i < 6; i++) ws.send(frame)
    let mostAhead = Number.NEGATIVE_INFINITY
    await vi.waitFor(
      () => {
        // MAX_MESSAGE_BYTES a second, bursts of twice that: two frames at once, then one a second.
        const allowance = 2 + (performance.now() - started) / 1000
        mostAhead = Math.max(mostAhead, answers - allowance)
        expect(answers).toBe(6)
      },
      { timeout: 20_000, interval: 20 },
    )
    expect(mostAhead).toBeLessThanOrEqual(0.1)
    expect(performance.now() - started).toBeGreaterThan(3500)
    expect(open).toBe(true)
    ws.close()
  })

  it('a flood before the room has loaded waits, unread, and is then handled in order', async () => {
    const cold = await t.newDocument(cookie, 'cold')
    const burst = Buffer.concat(Array.from({ length: 100 }, () => clientFrame(new Uint8Array([3]))))
    // Pipelined behind the upgrade: all of it arrives while the document is still loading.
    const raw = rawUpgrade(t.url, `/collab/${cold}`, { cookie }, burst)
    expect(await raw.status).toBe(101)
    // The server's sync step 1 first, then one awareness answer per query.
    await vi.waitFor(() => expect(raw.messages.filter((m) => m[0] === 1)).toHaveLength(100))
    expect(raw.messages[0]?.[0]).toBe(0)
    const closedYet = await Promise.race([
      raw.closed.then(() => true),
      new Promise((r) => setTimeout(() => r(false), 100)),
    ])
    expect(closedYet).toBe(false)
    raw.socket.destroy()
  })

  it('a client that stops reading while asking for the whole document gets its allowance, then is not read; memory stays bounded', async () => {
    const baseline = await heapAfterGc()
    const raw = rawUpgrade(t.url, `/collab/${docId}`, { cookie })
    expect(await raw.status).toBe(101)
    raw.socket.pause()
    // Sync step 1 with an empty state vector: each 4-byte request is answered with ~700 KB.
    const ask = clientFrame(new Uint8Array([0, 0, 1, 0]))
    for (let i = 0; i < 150; i++) raw.socket.write(ask)
    // Sample while the server answers: unbounded, this climbs towards ~100 MB of queued answers.
    let peak = 0
    for (let i = 0; i < 20; i++) {
      peak = Math.max(peak, await heapAfterGc())
      await new Promise((r) => setTimeout(r, 100))
    }
    // Still connected: it is not read (its answers wait for their allowance), not closed.
    expect(t.server.registry.loaded(docId)?.connections.size).toBe(2)
    raw.socket.destroy()
    reportFigure('10 slow reader asking', {
      requested: `${150} × ~700 KB`,
      peakMemoryGrowthMiB: Math.round(((peak - baseline) / MiB) * 10) / 10,
    })
    // Answers within the allowance: 2 × MAX_MESSAGE_BYTES at once, an eighth of it a second after.
    expect(peak - baseline).toBeLessThan(16 * MiB)
  })

  it('a client that stops reading while others edit is cut off; memory stays bounded', async () => {
    const baseline = await heapAfterGc()
    const raw = rawUpgrade(t.url, `/collab/${docId}`, { cookie })
    expect(await raw.status).toBe(101)
    raw.socket.pause()
    // Every paste is relayed to the socket that does not read; once the kernel's buffers are
    // full, the server's fill up to 4 × MAX_MESSAGE_BYTES and the socket is dropped.
    let peak = 0
    const connected = () => t.server.registry.loaded(docId)?.connections.size === 2
    for (let i = 0; i < 40 && connected(); i++) {
      bystander.type(`${i} ${'другое '.repeat(50_000)}`)
      await new Promise((r) => setTimeout(r, 250))
      peak = Math.max(peak, await heapAfterGc())
    }
    await vi.waitFor(() => expect(connected()).toBe(false), { timeout: 15_000 })
    raw.socket.destroy()
    reportFigure('10 slow reader', {
      relayed: '700 KB pastes until cut off',
      cutOff: true,
      peakMemoryGrowthMiB: Math.round(((peak - baseline) / MiB) * 10) / 10,
    })
    expect(peak - baseline).toBeLessThan(64 * MiB)
  })

  it('a flood of upgrade requests with made-up document names opens nothing', async () => {
    const loaded = t.server.registry.loadedCount
    const baseline = await heapAfterGc()
    const names = Array.from({ length: 1000 }, () => randomBytes(12).toString('base64url'))
    const statuses = new Map<number, number>()
    for (let i = 0; i < names.length; i += 50) {
      const batch = names.slice(i, i + 50)
      const results = await Promise.all(
        batch.map((name, k) => upgradeStatus(`${t.wsUrl}/${name}`, k % 2 === 0 ? {} : { cookie })),
      )
      for (const s of results) statuses.set(s, (statuses.get(s) ?? 0) + 1)
    }
    expect(statuses).toEqual(
      new Map([
        [401, 500],
        [404, 500],
      ]),
    )
    expect(t.server.registry.loadedCount).toBeLessThanOrEqual(loaded)
    const after = await heapAfterGc()
    reportFigure('10 upgrade flood', {
      upgrades: names.length,
      refused401: 500,
      refused404: 500,
      roomsOpened: 0,
      heapGrowthMiB: Math.round(((after - baseline) / MiB) * 10) / 10,
    })
    expect(after - baseline).toBeLessThan(16 * MiB)
  })
})
