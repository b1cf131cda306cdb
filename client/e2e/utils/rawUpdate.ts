import type { Page } from 'playwright-core'

/** lib0's variable-length unsigned integer, as y-websocket frames length-prefix their payload. */
const varUint = (value: number): number[] => {
  const bytes: number[] = []
  let rest = value
  while (rest > 127) {
    bytes.push((rest & 127) | 128)
    rest = Math.floor(rest / 128)
  }
  bytes.push(rest)
  return bytes
}

/** A y-websocket sync message carrying a Yjs update (message type 0, sync type 2). */
export const updateFrame = (update: Uint8Array): number[] => [
  0,
  2,
  ...varUint(update.length),
  ...update,
]

/** Sync step 1 with an empty state vector: "send me everything". */
const STEP_1_FRAME = [0, 0, 1, 0]

/**
 * Writes `update` into a document through a raw WebSocket opened by `page` (signed in, on the
 * server's origin), as a client that skips the editor would. Resolves once the server has
 * handled it: a connection's messages are handled in order, so the answer (step 2) to a step 1
 * sent after the update comes after the update was applied.
 */
export const sendRawUpdate = (
  page: Page,
  serverUrl: string,
  documentId: string,
  update: Uint8Array,
): Promise<void> =>
  page.evaluate(
    ({ url, frames }) =>
      new Promise<void>((resolve, reject) => {
        const ws = new WebSocket(url)
        ws.binaryType = 'arraybuffer'
        ws.addEventListener('open', () => {
          for (const frame of frames) ws.send(new Uint8Array(frame))
        })
        ws.addEventListener('message', (event) => {
          const bytes = new Uint8Array(event.data as ArrayBuffer)
          if (bytes[0] === 0 && bytes[1] === 1) {
            ws.close()
            resolve()
          }
        })
        ws.addEventListener('close', (event) => reject(new Error(`closed: ${event.code}`)))
        ws.addEventListener('error', () => reject(new Error('socket error')))
      }),
    {
      url: `${serverUrl.replace(/^http/, 'ws')}/collab/${encodeURIComponent(documentId)}`,
      frames: [updateFrame(update), STEP_1_FRAME],
    },
  )
