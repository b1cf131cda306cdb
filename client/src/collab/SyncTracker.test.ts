import { afterEach, describe, expect, it, vi } from 'vitest'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { SyncTracker } from './SyncTracker'

/**
 * A y-websocket server in memory, speaking the protocol as Accord's does: on connect it
 * sends sync step 1, answers each sync step 1 with a sync step 2 and applies updates, in
 * the order they arrive. `hold` keeps its answers back, as a slow network would.
 */
class MemoryServer {
  readonly doc = new Y.Doc()
  up = true
  hold = false
  private held: (() => void)[] = []
  readonly sockets = new Set<FakeSocket>()

  release(): void {
    this.hold = false
    for (const deliver of this.held.splice(0)) deliver()
  }

  receive(socket: FakeSocket, data: Uint8Array): void {
    const [type, step] = data
    if (type !== 0) return
    const payload = readPayload(data)
    const answer = () => {
      if (step === 0) {
        socket.deliver(frame(1, Y.encodeStateAsUpdate(this.doc, payload)))
      } else {
        Y.applyUpdate(this.doc, payload)
      }
    }
    if (this.hold) this.held.push(answer)
    else answer()
  }
}

const readPayload = (data: Uint8Array): Uint8Array => {
  let pos = 2
  let len = 0
  let shift = 1
  for (;;) {
    const byte = data[pos++] as number
    len += (byte & 127) * shift
    shift *= 128
    if (byte < 128) break
  }
  return data.subarray(pos, pos + len)
}

const frame = (step: number, payload: Uint8Array): Uint8Array => {
  const len: number[] = []
  let rest = payload.length
  while (rest > 127) {
    len.push((rest & 127) | 128)
    rest = Math.floor(rest / 128)
  }
  len.push(rest)
  return new Uint8Array([0, step, ...len, ...payload])
}

let server: MemoryServer

/** A WebSocket whose other end is `server`; every delivery is asynchronous, as on a network. */
class FakeSocket {
  readonly CONNECTING = 0
  readonly OPEN = 1
  readonly CLOSING = 2
  readonly CLOSED = 3
  binaryType = 'arraybuffer'
  readyState = 0
  onopen: (() => void) | null = null
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null
  onclose: ((event: { code: number; reason: string }) => void) | null = null
  onerror: ((event: unknown) => void) | null = null

  constructor() {
    setTimeout(() => {
      if (!server.up) {
        this.readyState = 3
        this.onclose?.({ code: 1006, reason: '' })
        return
      }
      server.sockets.add(this)
      this.readyState = 1
      this.onopen?.()
      this.deliver(frame(0, Y.encodeStateVector(server.doc)))
    }, 1)
  }

  send(data: Uint8Array): void {
    const copy = new Uint8Array(data)
    setTimeout(() => {
      if (this.readyState === 1) server.receive(this, copy)
    }, 1)
  }

  deliver(data: Uint8Array): void {
    setTimeout(() => {
      if (this.readyState !== 1) return
      const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength)
      this.onmessage?.({ data: buffer as ArrayBuffer })
    }, 1)
  }

  close(): void {
    if (this.readyState === 3) return
    this.readyState = 3
    server.sockets.delete(this)
    setTimeout(() => this.onclose?.({ code: 1000, reason: '' }), 1)
  }
}

const paragraph = (doc: Y.Doc, text: string) => {
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment('default').insert(0, [p])
}

describe('SyncTracker', () => {
  const cleanups: (() => void)[] = []
  afterEach(() => {
    for (const c of cleanups.splice(0)) c()
  })

  const connect = () => {
    const doc = new Y.Doc()
    const provider = new WebsocketProvider('ws://memory', 'doc', doc, {
      WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
      disableBc: true,
      maxBackoffTime: 20,
    })
    const tracker = new SyncTracker(provider)
    cleanups.push(() => {
      tracker.destroy()
      provider.destroy()
    })
    return { doc, provider, tracker }
  }

  it('is unsynced after a local edit until the server has answered a probe sent after it', async () => {
    server = new MemoryServer()
    const { doc, provider, tracker } = connect()
    await vi.waitFor(() => expect(provider.synced).toBe(true))
    expect(tracker.unsynced).toBe(false)
    server.hold = true
    paragraph(doc, 'typed')
    expect(tracker.unsynced).toBe(true)
    // The probe goes out after a short quiet time; its answer is held back.
    await new Promise((r) => setTimeout(r, 400))
    expect(tracker.unsynced).toBe(true)
    server.release()
    await vi.waitFor(() => expect(tracker.unsynced).toBe(false))
    expect(server.doc.getXmlFragment('default').toJSON()).toContain('typed')
  })

  it('stays unsynced while the server is unreachable, and confirms the re-sent edits after reconnecting', async () => {
    server = new MemoryServer()
    const { doc, provider, tracker } = connect()
    await vi.waitFor(() => expect(provider.synced).toBe(true))
    server.up = false
    for (const socket of [...server.sockets]) socket.close()
    await vi.waitFor(() => expect(provider.wsconnected).toBe(false))
    paragraph(doc, 'offline')
    await new Promise((r) => setTimeout(r, 400))
    expect(tracker.unsynced).toBe(true)
    server.up = true
    await vi.waitFor(() => expect(tracker.unsynced).toBe(false), { timeout: 3000 })
    expect(server.doc.getXmlFragment('default').toJSON()).toContain('offline')
  })

  it('does not count what arrives from the server as unsaved', async () => {
    server = new MemoryServer()
    paragraph(server.doc, 'from someone else')
    const { doc, provider, tracker } = connect()
    await vi.waitFor(() => expect(provider.synced).toBe(true))
    expect(doc.getXmlFragment('default').toJSON()).toContain('from someone else')
    expect(tracker.unsynced).toBe(false)
  })

  it('tells its subscribers when the state changes', async () => {
    server = new MemoryServer()
    const { doc, provider, tracker } = connect()
    await vi.waitFor(() => expect(provider.synced).toBe(true))
    const seen: boolean[] = []
    tracker.subscribe(() => seen.push(tracker.unsynced))
    paragraph(doc, 'one')
    paragraph(doc, 'two')
    await vi.waitFor(() => expect(seen).toEqual([true, false]))
  })
})
