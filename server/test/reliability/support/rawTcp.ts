import { randomBytes } from 'node:crypto'
import net from 'node:net'

/**
 * A WebSocket at the byte level, for what a well-behaved library will not send: frames
 * pipelined before the handshake is answered, unmasked or malformed frames.
 */

/** One client frame (masked unless told otherwise), RFC 6455 section 5.2. */
export const clientFrame = (
  payload: Uint8Array,
  { opcode = 0x2, mask = true, rsv = 0 }: { opcode?: number; mask?: boolean; rsv?: number } = {},
): Buffer => {
  const len = payload.length
  const head: number[] = [0x80 | (rsv << 4) | opcode]
  const maskBit = mask ? 0x80 : 0
  if (len < 126) head.push(maskBit | len)
  else if (len < 65536) head.push(maskBit | 126, len >> 8, len & 0xff)
  else {
    head.push(maskBit | 127, 0, 0, 0, 0)
    head.push((len >>> 24) & 0xff, (len >>> 16) & 0xff, (len >>> 8) & 0xff, len & 0xff)
  }
  if (!mask) return Buffer.concat([Buffer.from(head), Buffer.from(payload)])
  const key = randomBytes(4)
  const body = Buffer.from(payload).map((b, i) => b ^ (key[i % 4] as number))
  return Buffer.concat([Buffer.from(head), key, body])
}

export interface RawExchange {
  socket: net.Socket
  /** The HTTP status line's code (101 when upgraded). */
  status: Promise<number>
  /** The close frame's code and reason, or the TCP end when none came. */
  closed: Promise<{ code: number; reason: string }>
  /** Binary messages the server sent before closing. */
  messages: Uint8Array[]
}

/**
 * Opens a TCP connection, sends an upgrade request for `path` and, in the same write, `after`
 * (frames "sent while authorization is pending").
 */
export const rawUpgrade = (
  url: string,
  path: string,
  headers: Record<string, string>,
  after: Buffer = Buffer.alloc(0),
): RawExchange => {
  const { hostname, port } = new URL(url)
  const socket = net.connect(Number(port), hostname)
  const lines = [
    `GET ${path} HTTP/1.1`,
    `Host: ${hostname}:${port}`,
    'Upgrade: websocket',
    'Connection: Upgrade',
    `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
    'Sec-WebSocket-Version: 13',
    ...Object.entries(headers).map(([k, v]) => `${k}: ${v}`),
  ]
  socket.write(Buffer.concat([Buffer.from(`${lines.join('\r\n')}\r\n\r\n`), after]))
  const messages: Uint8Array[] = []
  let buffer = Buffer.alloc(0)
  let headerDone = false
  let resolveStatus: (s: number) => void = () => undefined
  let resolveClosed: (c: { code: number; reason: string }) => void = () => undefined
  const status = new Promise<number>((r) => {
    resolveStatus = r
  })
  const closed = new Promise<{ code: number; reason: string }>((r) => {
    resolveClosed = r
  })
  socket.on('data', (chunk) => {
    buffer = Buffer.concat([buffer, chunk])
    if (!headerDone) {
      const end = buffer.indexOf('\r\n\r\n')
      if (end < 0) return
      resolveStatus(Number(buffer.subarray(9, 12).toString()))
      headerDone = true
      buffer = buffer.subarray(end + 4)
    }
    // Server frames are unmasked.
    for (;;) {
      if (buffer.length < 2) return
      const opcode = (buffer[0] as number) & 0x0f
      let len = (buffer[1] as number) & 0x7f
      let offset = 2
      if (len === 126) {
        if (buffer.length < 4) return
        len = buffer.readUInt16BE(2)
        offset = 4
      } else if (len === 127) {
        if (buffer.length < 10) return
        len = Number(buffer.readBigUInt64BE(2))
        offset = 10
      }
      if (buffer.length < offset + len) return
      const payload = buffer.subarray(offset, offset + len)
      buffer = buffer.subarray(offset + len)
      if (opcode === 0x2) messages.push(new Uint8Array(payload))
      if (opcode === 0x8) {
        resolveClosed({
          code: payload.length >= 2 ? payload.readUInt16BE(0) : 1005,
          reason: payload.subarray(2).toString(),
        })
      }
    }
  })
  socket.on('error', () => undefined)
  socket.on('close', () => {
    resolveStatus(0)
    resolveClosed({ code: 1006, reason: 'connection ended without a close frame' })
  })
  return { socket, status, closed, messages }
}
