/**
 * A bare WebSocket for the hostile cases: sends whatever frames it is given, counts what the
 * server sends back, and tells when the server has read everything sent so far (it answers a
 * sync step 1 only after the frames before it) or when it closed the socket.
 */
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { MessageType, SyncStep, writeSyncStep1 } from '../../src/collab/protocol.js'

export interface RawClient {
  send(frame: Uint8Array): void
  /** Bytes and sync step 2 answers received so far. */
  readonly received: { bytes: number; answers: number }
  /** Resolves once `answers` reached `count`, or with the close code if the server closed first. */
  answers(count: number, timeoutMs: number): Promise<{ closed?: number; timedOut?: boolean }>
  /** Sends a sync step 1 (an empty state vector unless given) and waits for its answer. */
  drained(timeoutMs: number): Promise<{ closed?: number; timedOut?: boolean }>
  readonly closeCode: number | undefined
  close(): void
}

export const openRawClient = (url: string, headers: Record<string, string>): Promise<RawClient> =>
  new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers, perMessageDeflate: false })
    const received = { bytes: 0, answers: 0 }
    let closeCode: number | undefined
    const waiters = new Set<() => void>()
    const wake = () => {
      for (const w of waiters) w()
    }
    ws.on('message', (data: Buffer) => {
      received.bytes += data.byteLength
      const decoder = decoding.createDecoder(new Uint8Array(data))
      if (decoding.readVarUint(decoder) !== MessageType.sync) return
      if (decoding.readVarUint(decoder) === SyncStep.step2) {
        received.answers++
        wake()
      }
    })
    ws.on('close', (code) => {
      closeCode = code
      wake()
    })
    ws.on('error', reject)
    const client: RawClient = {
      send: (frame) => {
        if (ws.readyState === WebSocket.OPEN) ws.send(frame)
      },
      received,
      get closeCode() {
        return closeCode
      },
      answers: (count, timeoutMs) =>
        new Promise((done) => {
          const timer = setTimeout(() => finish({ timedOut: true }), timeoutMs)
          const check = () => {
            if (closeCode !== undefined) finish({ closed: closeCode })
            else if (received.answers >= count) finish({})
          }
          const finish = (result: { closed?: number; timedOut?: boolean }) => {
            clearTimeout(timer)
            waiters.delete(check)
            done(result)
          }
          waiters.add(check)
          check()
        }),
      drained(timeoutMs) {
        const target = received.answers + 1
        client.send(writeSyncStep1(new Uint8Array([0])))
        return client.answers(target, timeoutMs)
      },
      close: () => ws.close(),
    }
    ws.on('open', () => resolve(client))
  })
