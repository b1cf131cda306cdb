import { CloseCode } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { readMessage, writeSyncStep2, writeUpdate } from '../../src/collab/protocol.js'
import { rawSocket } from '../utils/rawSocket.js'
import { useTestServer } from '../utils/useTestServer.js'
import { startBystander } from './support/bystander.js'
import { reportFigure } from './support/figures.js'

/** Every update a client's document makes, in order, as update frames. */
const typing = () => {
  const doc = new Y.Doc()
  const frames: Uint8Array[] = []
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin !== 'server') frames.push(writeUpdate(update))
  })
  const text = new Y.XmlText()
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [text])
  doc.getXmlFragment('default').insert(0, [paragraph])
  return { doc, text, frames }
}

/** A raw socket that counts the sync step 1 frames (the server asking what it has) from the start. */
const askedSocket = (url: string, cookie: string) =>
  new Promise<{
    ws: WebSocket
    asks: Uint8Array[]
    closed: Promise<{ code: number; reason: string }>
  }>((resolve, reject) => {
    const ws = new WebSocket(url, { headers: { cookie } })
    const asks: Uint8Array[] = []
    ws.on('message', (data: Buffer) => {
      const message = readMessage(new Uint8Array(data))
      if (message.type === 'syncStep1') asks.push(message.stateVector)
    })
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    )
    ws.on('open', () => resolve({ ws, asks, closed }))
    ws.on('error', reject)
  })

const closedWith = (close: { code: number; reason: string }) => ({
  code: close.code,
  reason: close.reason,
})

describe('updates whose predecessor never arrives', () => {
  const t = useTestServer({ MAX_MESSAGE_BYTES: String(4 * 1024 * 1024) })

  it('a 2.3 MiB update held for a withheld predecessor, then 200 small ones: closed at once (4422), nothing pending, stored or relayed', async () => {
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const bystander = await startBystander(t, cookie)
    const watcher = t.client(docId, cookie)
    await watcher.synced()
    const live = t.server.registry.loaded(docId)?.doc as Y.Doc
    const before = Y.encodeStateAsUpdate(live)

    const attacker = typing()
    attacker.text.insert(0, 'x') // u0: withheld
    attacker.text.insert(1, 'a'.repeat(2.3 * 1024 * 1024)) // u1: builds on u0
    for (let i = 0; i < 200; i++) attacker.text.insert(attacker.text.length, 'b')
    const frames = attacker.frames.slice(2) // everything but the paragraph and u0
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    for (const frame of frames) ws.send(frame)
    await bystander.roundTrip()
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200)

    expect(closedWith(await closed)).toEqual(CloseCode.missingDependencies)
    // Yjs never held any of it: no later update re-merges 2.3 MiB.
    expect(live.store.pendingStructs).toBeNull()
    expect(live.store.pendingDs).toBeNull()
    expect(Y.encodeStateAsUpdate(live)).toEqual(before)
    expect(watcher.text()).toBe('')
    await bystander.roundTrip()
    bystander.destroy()
    reportFigure('21 pending structs', {
      firstFrameMiB: 2.3,
      smallFrames: frames.length - 1,
      closedWith: CloseCode.missingDependencies.code,
      pendingInDocument: 0,
    })
  })

  it('small updates within the bounds: the client is asked for what is missing, and closed (4422) when it never sends it', async () => {
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const live = (await t.server.registry.withDocument(docId, (room) => room.doc)) as Y.Doc
    const attacker = typing()
    attacker.text.insert(0, 'x') // withheld
    for (let i = 0; i < 20; i++) attacker.text.insert(attacker.text.length, 'b')
    const { ws, asks, closed } = await askedSocket(`${t.wsUrl}/${docId}`, cookie)
    await vi.waitFor(() => expect(asks.length).toBe(1))
    for (const frame of attacker.frames.slice(2)) ws.send(frame)
    // The opening sync step 1, and one more asking for what the held updates lack.
    await vi.waitFor(() => expect(asks.length).toBe(2))
    expect(closedWith(await closed)).toEqual(CloseCode.missingDependencies)
    expect(asks).toHaveLength(2)
    expect(live.store.pendingStructs).toBeNull()
    expect(live.getXmlFragment('default').toJSON()).not.toContain('b')
  })

  it("an honest client's edit that arrives before what it builds on waits, and goes in once the rest comes: from that client when asked, or from another connection", async () => {
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie)
    const watcher = t.client(docId, cookie)
    await watcher.synced()

    // One client: its edit overtook its paragraph; the server asks, the client answers (as a provider does).
    const early = typing()
    early.text.insert(0, 'hello')
    early.text.insert(5, ' world')
    const first = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    first.ws.on('message', (data: Buffer) => {
      const message = readMessage(new Uint8Array(data))
      if (message.type !== 'syncStep1') return
      first.ws.send(writeSyncStep2(Y.encodeStateAsUpdate(early.doc, message.stateVector)))
    })
    first.ws.send(early.frames[2] as Uint8Array)
    await vi.waitFor(() => expect(watcher.text()).toBe('hello world'))

    // Two connections: the edit comes on one, what it builds on on the other (a second tab).
    const tab = typing()
    tab.text.insert(0, 'second')
    tab.text.insert(6, ' tab')
    const a = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    const b = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    a.ws.send(tab.frames[2] as Uint8Array)
    b.ws.send(tab.frames[0] as Uint8Array)
    b.ws.send(tab.frames[1] as Uint8Array)
    // Two docs each put their paragraph first: Yjs orders such concurrent inserts by client id.
    await vi.waitFor(() =>
      expect(watcher.text().split('\n').sort()).toEqual(['hello world', 'second tab']),
    )
    const stillOpen = await Promise.race([
      Promise.any([first.closed, a.closed, b.closed]).then(() => false),
      new Promise((r) => setTimeout(() => r(true), 200)),
    ])
    expect(stillOpen).toBe(true)
    for (const s of [first, a, b]) s.ws.close()
  })
})
