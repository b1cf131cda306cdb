/**
 * A minimal y-websocket client for the measurements the harness does not make (cold load,
 * idle rooms, 100,000 edits): connects with headers, syncs, sends updates. Uses the
 * server's own pure wire functions.
 */
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import * as Y from 'yjs'
import {
  MessageType,
  SyncStep,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from '../src/collab/protocol.js'

export interface BenchClient {
  doc: Y.Doc
  ws: WebSocket
  /** ms from creating the socket to applying the server's SyncStep2. */
  syncedInMs: number
  /** Bytes of the SyncStep2 payload (the encoded document state the server sent). */
  syncBytes: number
  send(update: Uint8Array): void
  /** Resolves once the server has answered a fresh SyncStep1, i.e. read everything sent before. */
  roundTrip(): Promise<void>
  close(): Promise<void>
}

export const connectClient = (
  url: string,
  headers: Record<string, string>,
  doc = new Y.Doc(),
): Promise<BenchClient> =>
  new Promise((resolve, reject) => {
    const started = performance.now()
    const ws = new WebSocket(url, { headers, perMessageDeflate: false })
    ws.binaryType = 'nodebuffer'
    const waiting: (() => void)[] = []
    let synced = false
    const client: BenchClient = {
      doc,
      ws,
      syncedInMs: 0,
      syncBytes: 0,
      send: (update) => ws.send(writeUpdate(update)),
      roundTrip: () =>
        new Promise((done) => {
          waiting.push(done)
          ws.send(writeSyncStep1(Y.encodeStateVector(doc)))
        }),
      close: () =>
        new Promise((done) => {
          if (ws.readyState === WebSocket.CLOSED) return done()
          ws.once('close', () => done())
          ws.close()
        }),
    }
    ws.on('message', (data: Buffer) => {
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.sync) return
      const step = decoding.readVarUint(decoder)
      const payload = decoding.readVarUint8Array(decoder)
      if (step === SyncStep.step1) {
        // The server asks what we have that it lacks.
        ws.send(writeSyncStep2(Y.encodeStateAsUpdate(doc, payload)))
        return
      }
      Y.applyUpdate(doc, payload, 'server')
      if (step !== SyncStep.step2) return
      if (!synced) {
        synced = true
        client.syncedInMs = performance.now() - started
        client.syncBytes = payload.byteLength
        resolve(client)
      } else {
        waiting.shift()?.()
      }
    })
    ws.on('open', () => ws.send(writeSyncStep1(Y.encodeStateVector(doc))))
    ws.on('error', reject)
    ws.on('unexpected-response', (_req, res) =>
      reject(new Error(`upgrade refused: ${res.statusCode}`)),
    )
    ws.on('close', (code) => {
      if (!synced) reject(new Error(`closed before sync: ${code}`))
    })
  })

/** A document of `kb` paragraphs of 1 KiB each in the `default` fragment, as Tiptap stores it. */
export const largeDocument = (kb: number): Y.Doc => {
  const doc = new Y.Doc()
  const fragment = doc.getXmlFragment('default')
  const line = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. '
  const text = line.repeat(Math.ceil(1024 / line.length)).slice(0, 1024)
  doc.transact(() => {
    for (let i = 0; i < kb; i++) {
      const p = new Y.XmlElement('paragraph')
      p.insert(0, [new Y.XmlText(text)])
      fragment.insert(fragment.length, [p])
    }
  })
  return doc
}

export const headerRecord = (headers: readonly string[]): Record<string, string> =>
  Object.fromEntries(
    headers.map((h) => {
      const i = h.indexOf(':')
      return [h.slice(0, i).trim(), h.slice(i + 1).trim()]
    }),
  )
