import { CloseCode } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { rawSocket, syncFrame } from './utils/rawSocket.js'

describe('garbage on the socket closes that socket only', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  let bystander: TestClient
  beforeAll(async () => {
    t = await newTestServer({ MAX_MESSAGE_BYTES: String(64 * 1024), MAX_MESSAGES_PER_SECOND: '50' })
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
    bystander = newTestClient(t.wsUrl, docId, cookie)
    await bystander.synced()
    bystander.type('intact')
  })
  afterAll(async () => {
    // Everyone else was served throughout, and the document is unchanged.
    expect(bystander.provider.wsconnected).toBe(true)
    expect(bystander.text()).toBe('intact')
    bystander.destroy()
    await t.close()
  })

  const cases: [string, Uint8Array | string, number][] = [
    [
      'random bytes',
      new Uint8Array([0xff, 0xfe, 0x13, 0x37, 0x00, 0x99]),
      CloseCode.badMessage.code,
    ],
    ['an empty frame', new Uint8Array([]), CloseCode.badMessage.code],
    ['a truncated sync message', new Uint8Array([0, 2, 50, 1, 2]), CloseCode.badMessage.code],
    [
      'an oversized varint',
      new Uint8Array([0, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x7f]),
      CloseCode.badMessage.code,
    ],
    ['an unknown message type', new Uint8Array([42, 0]), CloseCode.badMessage.code],
    ['an unknown sync step', new Uint8Array([0, 7, 0]), CloseCode.badMessage.code],
    ['a text frame', 'hello', CloseCode.badMessage.code],
    [
      'an undecodable update',
      syncFrame(2, new Uint8Array([1, 2, 3, 4, 5])),
      CloseCode.badMessage.code,
    ],
    ['a malformed awareness update', new Uint8Array([1, 3, 1, 1, 1]), CloseCode.badMessage.code],
    ['a frame over the size limit', new Uint8Array(100 * 1024), 1009],
  ]

  it.each(cases)('%s', async (_name, frame, expected) => {
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    ws.send(frame)
    expect((await closed).code).toBe(expected)
  })

  it('a flood of messages', async () => {
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    const queryAwareness = new Uint8Array([3])
    for (let i = 0; i < 500; i++) ws.send(queryAwareness)
    expect((await closed).code).toBe(CloseCode.tooMany.code)
  })

  it('the server keeps serving new connections with the document intact', async () => {
    const late = newTestClient(t.wsUrl, docId, cookie)
    await late.synced()
    await vi.waitFor(() => expect(late.text()).toBe('intact'))
    late.destroy()
  })
})
