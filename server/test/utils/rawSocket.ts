import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { writeAwarenessUpdate } from '../../src/collab/awarenessGuard.js'

/** A bare WebSocket for sending crafted frames, as a hostile client would. */
export const rawSocket = (
  url: string,
  headers: Record<string, string> = {},
): Promise<{ ws: WebSocket; closed: Promise<{ code: number; reason: string }> }> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    const closed = new Promise<{ code: number; reason: string }>((done) =>
      ws.on('close', (code, reason) => done({ code, reason: reason.toString() })),
    )
    ws.on('open', () => resolve({ ws, closed }))
    ws.on('error', reject)
  })

/** The HTTP status with which an upgrade was refused. */
export const upgradeStatus = (url: string, headers: Record<string, string> = {}): Promise<number> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers })
    ws.on('unexpected-response', (_req, res) => {
      resolve(res.statusCode ?? 0)
      ws.terminate()
    })
    ws.on('open', () => {
      ws.close()
      reject(new Error('upgrade was accepted'))
    })
    ws.on('error', () => undefined)
  })

/** A y-websocket sync frame (0) of the given step (1 = SyncStep2, 2 = Update) carrying an update. */
export const syncFrame = (step: 1 | 2, update: Uint8Array): Uint8Array => {
  const e = encoding.createEncoder()
  encoding.writeVarUint(e, 0)
  encoding.writeVarUint(e, step)
  encoding.writeVarUint8Array(e, update)
  return encoding.toUint8Array(e)
}

/** An update that appends one paragraph with `text` to the `default` fragment. */
export const paragraphUpdate = (text: string): Uint8Array => {
  const doc = new Y.Doc()
  const p = new Y.XmlElement('paragraph')
  p.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment('default').insert(0, [p])
  return Y.encodeStateAsUpdate(doc)
}

/** An awareness message (type 1) carrying `entries`. */
export const awarenessFrame = (
  entries: { clientId: number; clock: number; state: Record<string, unknown> | null }[],
): Uint8Array => {
  const update = writeAwarenessUpdate(entries)
  const frame = new Uint8Array(update.length + 5)
  let n = 0
  frame[n++] = 1
  let len = update.length
  while (len > 127) {
    frame[n++] = (len & 127) | 128
    len >>>= 7
  }
  frame[n++] = len
  frame.set(update, n)
  return frame.subarray(0, n + update.length)
}
