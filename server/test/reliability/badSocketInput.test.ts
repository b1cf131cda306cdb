import net from 'node:net'
import { CloseCode } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { paragraphUpdate, rawSocket, syncFrame } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { clientFrame, rawUpgrade } from './support/rawTcp.js'
import { databaseFile, storedDoc } from './support/sqliteFile.js'

/**
 * Garbage on the socket closes that socket only, with a code and a reason; the process
 * and everyone else carry on and the document does not change.
 */
describe('bad input on the socket', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  let bystander: TestClient
  let stateBefore: Uint8Array
  let closes = 0
  beforeAll(async () => {
    t = await newTestServer({ MAX_MESSAGE_BYTES: String(64 * 1024), MAX_MESSAGES_PER_SECOND: '50' })
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
    bystander = newTestClient(t.wsUrl, docId, cookie)
    await bystander.synced()
    bystander.type('intact')
    await vi.waitFor(async () =>
      expect(
        (await storedDoc(databaseFile(t.dataDir), docId)).getXmlFragment('default').length,
      ).toBe(1),
    )
    stateBefore = Y.encodeStateAsUpdate(t.server.registry.loaded(docId)?.doc as Y.Doc)
  })
  afterAll(async () => {
    // Everyone else was served throughout, and the document is unchanged in memory and on disk.
    expect(bystander.provider.wsconnected).toBe(true)
    expect(bystander.text()).toBe('intact')
    const live = t.server.registry.loaded(docId)?.doc as Y.Doc
    expect(Y.encodeStateAsUpdate(live)).toEqual(stateBefore)
    const stored = await storedDoc(databaseFile(t.dataDir), docId)
    expect(Y.encodeStateVector(stored)).toEqual(Y.encodeStateVector(live))
    bystander.destroy()
    await t.close()
    reportFigure('8 bad socket input', { socketsClosed: closes, documentChanged: false })
  })

  const badMessage = { code: CloseCode.badMessage.code, reason: CloseCode.badMessage.reason }
  const cases: [string, Uint8Array | string, { code: number; reason: string }][] = [
    ['random bytes', new Uint8Array([0xff, 0xfe, 0x13, 0x37, 0x00, 0x99]), badMessage],
    ['an empty frame', new Uint8Array([]), badMessage],
    ['a truncated sync message', new Uint8Array([0, 2, 50, 1, 2]), badMessage],
    [
      'an oversized varint',
      new Uint8Array([0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      badMessage,
    ],
    [
      'a length claiming more than the frame holds',
      new Uint8Array([0, 2, 0xff, 0xff, 0x03, 1]),
      badMessage,
    ],
    ['an unknown message type', new Uint8Array([42, 0]), badMessage],
    ['the auth message type, which only servers send', new Uint8Array([2, 0, 0]), badMessage],
    ['an unknown sync step', new Uint8Array([0, 7, 0]), badMessage],
    ['a text frame', 'hello', badMessage],
    ['an undecodable update', syncFrame(2, new Uint8Array([1, 2, 3, 4, 5])), badMessage],
    ['an undecodable SyncStep2', syncFrame(1, new Uint8Array([9, 9, 9])), badMessage],
    ['a malformed awareness update', new Uint8Array([1, 3, 1, 1, 1]), badMessage],
    [
      'an awareness state that is not JSON',
      new Uint8Array([1, 6, 1, 7, 1, 2, 0x7b, 0x7b]),
      badMessage,
    ],
    [
      'a frame over the size limit',
      new Uint8Array(100 * 1024),
      // ws stops reading at MAX_MESSAGE_BYTES and closes with the RFC's own code, without a reason text.
      { code: 1009, reason: '' },
    ],
  ]

  it.each(cases)('after authentication: %s', async (_name, frame, expected) => {
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    ws.send(frame)
    expect(await closed).toEqual(expected)
    closes++
  })

  it('after authentication, before the room has loaded: garbage queued behind the load', async () => {
    const cold = await t.newDocument(cookie, 'cold')
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${cold}`, { cookie })
    ws.send(new Uint8Array([0xff, 0xff, 0xff]))
    expect(await closed).toEqual(badMessage)
    closes++
  })

  // Frames a WebSocket library never sends: ws reports them through the socket's 'error'
  // event, which would crash the process without a listener.
  const protocolCases: [string, Buffer, number][] = [
    ['an unmasked client frame', clientFrame(new Uint8Array([0, 0, 0]), { mask: false }), 1002],
    ['a reserved opcode', clientFrame(new Uint8Array([1]), { opcode: 0x3 }), 1002],
    ['reserved bits set', clientFrame(new Uint8Array([1]), { rsv: 0x4 }), 1002],
    [
      'a text frame that is not UTF-8',
      clientFrame(new Uint8Array([0xc3, 0x28]), { opcode: 0x1 }),
      1007,
    ],
  ]

  it.each(protocolCases)(
    'after authentication, at the frame level: %s',
    async (_name, frame, code) => {
      const raw = rawUpgrade(t.url, `/collab/${docId}`, { cookie })
      expect(await raw.status).toBe(101)
      raw.socket.write(frame)
      expect((await raw.closed).code).toBe(code)
      raw.socket.destroy()
      closes++
    },
  )

  it('before authentication: frames pipelined behind a refused upgrade are never read', async () => {
    const garbage = Buffer.concat([
      clientFrame(syncFrame(2, paragraphUpdate('injected before auth'))),
      clientFrame(new Uint8Array([0xff, 0xff])),
    ])
    const raw = rawUpgrade(t.url, `/collab/${docId}`, {}, garbage)
    expect(await raw.status).toBe(401)
    expect((await raw.closed).code).toBe(1006)
    expect(raw.messages).toEqual([])
  })

  it('before authentication: bytes that are not HTTP at all get a 400 and a closed connection', async () => {
    const socket = net.connect(Number(new URL(t.url).port), '127.0.0.1')
    const answer = new Promise<string>((resolve) => {
      let text = ''
      socket.on('data', (d) => {
        text += d
      })
      socket.on('close', () => resolve(text))
    })
    socket.write(Buffer.from([0x16, 0x03, 0x01, 0x00, 0xa5, 0x01, 0x00, 0x00, 0xa1, 0x03, 0x03]))
    socket.write('\r\n\r\n')
    expect(await answer).toMatch(/^HTTP\/1\.1 400/)
  })

  it('a flood of messages is read no faster than MAX_MESSAGES_PER_SECOND, and not closed', async () => {
    // A document of its own: nobody else's presence arrives as a frame of the same type.
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${await t.newDocument(cookie)}`, { cookie })
    let answers = 0
    let open = true
    void closed.then(() => {
      open = false
    })
    ws.on('message', (data: Buffer) => {
      if (data[0] === 1) answers++
    })
    const started = performance.now()
    const queryAwareness = new Uint8Array([3])
    for (let i = 0; i < 300; i++) ws.send(queryAwareness)
    // 50 a second, bursts of 100: never more answers than the allowance covers by now.
    let mostAhead = Number.NEGATIVE_INFINITY
    await vi.waitFor(
      () => {
        const allowance = 100 + 50 * ((performance.now() - started) / 1000)
        mostAhead = Math.max(mostAhead, answers - allowance)
        expect(answers).toBe(300)
      },
      { timeout: 20_000, interval: 20 },
    )
    expect(mostAhead).toBeLessThanOrEqual(1)
    expect(open).toBe(true)
    ws.close()
  })

  it('the server keeps serving new connections with the document intact', async () => {
    const late = newTestClient(t.wsUrl, docId, cookie)
    await late.synced()
    await vi.waitFor(() => expect(late.text()).toBe('intact'))
    late.destroy()
  })
})
