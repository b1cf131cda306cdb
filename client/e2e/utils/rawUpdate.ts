import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { Page } from 'playwright-core'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'

/** y-websocket's message type for sync messages (y-protocols' own types follow it). */
const MESSAGE_SYNC = 0

/** A y-websocket sync message carrying a Yjs update, as the stock provider frames it. */
export const updateFrame = (update: Uint8Array): number[] => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeUpdate(encoder, update)
  return [...encoding.toUint8Array(encoder)]
}

/** Sync step 1 with an empty state vector: "send me everything". */
const step1Frame = (): number[] => {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MESSAGE_SYNC)
  syncProtocol.writeSyncStep1(encoder, new Y.Doc())
  return [...encoding.toUint8Array(encoder)]
}

/**
 * Sends `frames` on a raw WebSocket opened by `page` (signed in, on the server's origin) to a
 * document, and resolves with the server's first sync step 2: the answer to a step 1 among
 * the frames. A connection's messages are handled in order, so it comes after every frame
 * sent before that step 1 was applied. Rejects if the server closes the socket first.
 */
const exchange = (
  page: Page,
  serverUrl: string,
  documentId: string,
  frames: number[][],
): Promise<Uint8Array> =>
  page
    .evaluate(
      ({ url, frames }) =>
        new Promise<number[]>((resolve, reject) => {
          const ws = new WebSocket(url)
          ws.binaryType = 'arraybuffer'
          ws.addEventListener('open', () => {
            for (const frame of frames) ws.send(new Uint8Array(frame))
          })
          ws.addEventListener('message', (event) => {
            const bytes = new Uint8Array(event.data as ArrayBuffer)
            // Sync message, step 2.
            if (bytes[0] === 0 && bytes[1] === 1) {
              ws.close()
              resolve([...bytes])
            }
          })
          ws.addEventListener('close', (event) => reject(new Error(`closed: ${event.code}`)))
          ws.addEventListener('error', () => reject(new Error('socket error')))
        }),
      {
        url: `${serverUrl.replace(/^http/, 'ws')}/collab/${encodeURIComponent(documentId)}`,
        frames,
      },
    )
    .then((bytes) => new Uint8Array(bytes))

/**
 * Writes `update` into a document as a client that skips the editor would. Resolves once the
 * server has handled it.
 */
export const sendRawUpdate = async (
  page: Page,
  serverUrl: string,
  documentId: string,
  update: Uint8Array,
): Promise<void> => {
  await exchange(page, serverUrl, documentId, [updateFrame(update), step1Frame()])
}

/** The document as the server holds it: everything it sends a raw client that asks for it. */
export const serverDocument = async (
  page: Page,
  serverUrl: string,
  documentId: string,
): Promise<Y.Doc> => {
  const decoder = decoding.createDecoder(
    await exchange(page, serverUrl, documentId, [step1Frame()]),
  )
  decoding.readVarUint(decoder) // the sync message type
  const doc = new Y.Doc()
  syncProtocol.readSyncMessage(decoder, encoding.createEncoder(), doc, 'server')
  return doc
}
