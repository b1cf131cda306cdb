import { CloseCode } from '@accord/protocol'
import * as encoding from 'lib0/encoding'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { rawSocket, syncFrame } from '../utils/rawSocket.js'
import { reportFigure } from './support/figures.js'
import { databaseFile, storedDoc } from './support/sqliteFile.js'

/** "hello world" in a paragraph, written by client 1. */
const BASE = Buffer.from(
  '0103010007010764656661756c7403097061726167726170680700010006040001010b68656c6c6f20776f726c6400',
  'hex',
)
/**
 * Client 2's edit of BASE with bytes changed, found by a seeded fuzz: it decodes in full
 * (Y.decodeUpdate accepts it), everything it refers to is in BASE (so the room does not hold
 * it back as waiting for a predecessor), and Yjs throws halfway through applying it, after it
 * has already made "lo world" bold. A decode check alone would let that half-change through.
 */
const HALF_APPLYING = Buffer.from(
  '01040200c60104010504626f6c640474727565c4020501050358595ac60203010504626f6c64046e756c6c87010003097061726167726170680101010202',
  'hex',
)

/** A V1 update with one struct per client id given, each a GC range, as raw as Yjs reads it. */
const updateWith = (write: (e: encoding.Encoder) => void): Uint8Array => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

const MAX_MESSAGE_BYTES = 1024 * 1024

describe('hostile updates', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  let bystander: TestClient
  /** The document after seeding: its initial empty paragraph and "hello world". */
  let original: string
  beforeAll(async () => {
    t = await newTestServer({
      MAX_MESSAGE_BYTES: String(MAX_MESSAGE_BYTES),
      MAX_MESSAGES_PER_SECOND: '1000',
    })
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie)
    const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    ws.send(syncFrame(2, BASE))
    bystander = newTestClient(t.wsUrl, docId, cookie)
    await bystander.synced()
    await vi.waitFor(() => expect(bystander.text()).toBe('hello world'))
    original = bystander.fragment.toJSON()
    ws.close()
  })
  afterAll(async () => {
    bystander.destroy()
    await t.close()
  })

  const live = () => t.server.registry.loaded(docId)?.doc as Y.Doc
  const send = async (frame: Uint8Array) => {
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    const started = performance.now()
    ws.send(frame)
    const result = await closed
    return { ...result, ms: performance.now() - started }
  }

  it('an update that Yjs throws on halfway leaves no partial change anywhere', async () => {
    expect(() => Y.decodeUpdate(HALF_APPLYING)).not.toThrow()
    // What applying it directly would do: throw, with "lo world" already bold.
    const direct = new Y.Doc()
    Y.applyUpdate(direct, BASE)
    expect(() => Y.applyUpdate(direct, HALF_APPLYING)).toThrow()
    expect(direct.getXmlFragment('default').toJSON()).toContain('<bold>')

    const before = Y.encodeStateAsUpdate(live())
    const result = await send(syncFrame(2, HALF_APPLYING))
    expect(result).toMatchObject({ code: CloseCode.badMessage.code })
    expect(Y.encodeStateAsUpdate(live())).toEqual(before)
    expect(live().getXmlFragment('default').toJSON()).toBe(original)
    // Give a relay, had there been one, time to arrive before observing that none did.
    await new Promise((r) => setTimeout(r, 200))
    expect(bystander.fragment.toJSON()).toBe(original)
    const stored = await storedDoc(databaseFile(t.dataDir), docId)
    expect(stored.getXmlFragment('default').toJSON()).toBe(original)
  })

  it('decoding is bounded by the frame: huge counts in a few bytes are refused at once', async () => {
    const shapes: [string, Uint8Array][] = [
      [
        '2^53 clients claimed in 9 bytes',
        updateWith((e) => encoding.writeVarUint(e, Number.MAX_SAFE_INTEGER)),
      ],
      [
        '2^31 structs claimed for one client',
        updateWith((e) => {
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, 2 ** 31)
          encoding.writeVarUint(e, 7)
          encoding.writeVarUint(e, 0)
          encoding.writeUint8(e, 0) // a GC struct
          encoding.writeVarUint(e, 1)
        }),
      ],
      [
        'a string claiming 4 GiB',
        updateWith((e) => {
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, 7)
          encoding.writeVarUint(e, 0)
          encoding.writeUint8(e, 4) // ContentString, parent given by name
          encoding.writeVarUint(e, 1)
          encoding.writeVarString(e, 'default')
          encoding.writeVarUint(e, 2 ** 32)
        }),
      ],
      [
        `arrays nested ${Math.floor(MAX_MESSAGE_BYTES / 2) - 32} deep (a recursion bomb)`,
        updateWith((e) => {
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, 1)
          encoding.writeVarUint(e, 7)
          encoding.writeVarUint(e, 0)
          encoding.writeUint8(e, 8) // ContentAny
          encoding.writeVarUint(e, 1)
          encoding.writeVarString(e, 'default')
          encoding.writeVarUint(e, 1)
          for (let i = 0; i < MAX_MESSAGE_BYTES / 2 - 32; i++) {
            encoding.writeUint8(e, 117) // an array…
            encoding.writeVarUint(e, 1) // …of one element
          }
        }),
      ],
    ]
    const figures: Record<string, number> = {}
    for (const [name, update] of shapes) {
      const result = await send(syncFrame(2, update))
      expect(result.code, name).toBe(CloseCode.badMessage.code)
      figures[name] = Math.round(result.ms)
    }
    expect(live().getXmlFragment('default').toJSON()).toBe(original)

    // The largest honest-looking update a frame can carry: 1 MiB of one-byte-apart structs.
    const structs = Math.floor((MAX_MESSAGE_BYTES - 64) / 2)
    const widest = updateWith((e) => {
      encoding.writeVarUint(e, 1)
      encoding.writeVarUint(e, structs)
      encoding.writeVarUint(e, 99)
      encoding.writeVarUint(e, 0)
      for (let i = 0; i < structs; i++) {
        encoding.writeUint8(e, 0) // GC, length 1
        encoding.writeVarUint(e, 1)
      }
      encoding.writeVarUint(e, 0) // no deletions
    })
    const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
    const started = performance.now()
    ws.send(syncFrame(2, widest))
    await vi.waitFor(() => expect(Y.getState(live().store, 99)).toBe(structs), { timeout: 20_000 })
    figures[`${structs} structs in one frame, applied`] = Math.round(performance.now() - started)
    ws.close()
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200)
    reportFigure('9 hostile updates', { maxMessageBytes: MAX_MESSAGE_BYTES, ms: figures })
  })
})
