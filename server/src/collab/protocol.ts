/**
 * The y-websocket wire protocol, pure: bytes in, typed messages out, and back.
 *
 * Every frame starts with a varUint message type. `sync` (0) carries a
 * y-protocols sync sub-message: step 1 (a state vector: "send me what I lack"),
 * step 2 (an update answering it) or a plain update. `awareness` (1) carries an
 * awareness update; `queryAwareness` (3) asks for every awareness state. Type 2
 * (auth) is sent by servers only. Decoding throws on malformed input; callers
 * close the socket.
 */
import * as decoding from 'lib0/decoding'

export const MessageType = { sync: 0, awareness: 1, auth: 2, queryAwareness: 3 } as const
export type MessageType = (typeof MessageType)[keyof typeof MessageType]

export const SyncStep = { step1: 0, step2: 1, update: 2 } as const
export type SyncStep = (typeof SyncStep)[keyof typeof SyncStep]

export type IncomingMessage =
  | { type: 'syncStep1'; stateVector: Uint8Array }
  | { type: 'syncStep2'; update: Uint8Array }
  | { type: 'update'; update: Uint8Array }
  | { type: 'awareness'; update: Uint8Array }
  | { type: 'queryAwareness' }

export class ProtocolError extends Error {}

/** Parses one client frame. Throws ProtocolError for anything that is not a whole, known message. */
export const readMessage = (data: Uint8Array): IncomingMessage => {
  try {
    const decoder = decoding.createDecoder(data)
    const type = decoding.readVarUint(decoder)
    let message: IncomingMessage
    switch (type) {
      case MessageType.sync: {
        const step = decoding.readVarUint(decoder)
        const payload = decoding.readVarUint8Array(decoder)
        if (step === SyncStep.step1) message = { type: 'syncStep1', stateVector: payload }
        else if (step === SyncStep.step2) message = { type: 'syncStep2', update: payload }
        else if (step === SyncStep.update) message = { type: 'update', update: payload }
        else throw new ProtocolError(`unknown sync step ${step}`)
        break
      }
      case MessageType.awareness:
        message = { type: 'awareness', update: decoding.readVarUint8Array(decoder) }
        break
      case MessageType.queryAwareness:
        message = { type: 'queryAwareness' }
        break
      default:
        throw new ProtocolError(`unknown message type ${type}`)
    }
    return message
  } catch (err) {
    if (err instanceof ProtocolError) throw err
    throw new ProtocolError(`malformed message: ${(err as Error).message}`)
  }
}

/** Bytes of `n` as a varUint: seven bits a byte, lowest first, the high bit set on all but the last. */
const varUintLength = (n: number): number => {
  let length = 1
  for (let rest = n; rest > 0x7f; rest = Math.floor(rest / 0x80)) length++
  return length
}

/**
 * A frame: its type bytes (each under 128, so one byte as a varUint), then `payload` prefixed
 * with its length, written straight into one Buffer of the exact size. lib0's encoder would
 * copy the payload twice (into its chunk, then into the result), and a Uint8Array that is not
 * a Buffer makes ws wrap it in a new Buffer for every socket it goes to; a relayed update goes
 * to every editor of the room.
 */
const frame = (head: readonly number[], payload: Uint8Array): Buffer => {
  // Not from Buffer's shared pool: a cached answer (SyncAnswerCache) would keep its 8 KiB slab.
  const out = Buffer.allocUnsafeSlow(
    head.length + varUintLength(payload.byteLength) + payload.byteLength,
  )
  let at = 0
  for (const byte of head) out[at++] = byte
  let rest = payload.byteLength
  while (rest > 0x7f) {
    out[at++] = 0x80 | (rest & 0x7f)
    rest = Math.floor(rest / 0x80)
  }
  out[at++] = rest
  out.set(payload, at)
  return out
}

export const writeSyncStep1 = (stateVector: Uint8Array): Uint8Array =>
  frame([MessageType.sync, SyncStep.step1], stateVector)

export const writeSyncStep2 = (update: Uint8Array): Uint8Array =>
  frame([MessageType.sync, SyncStep.step2], update)

export const writeUpdate = (update: Uint8Array): Uint8Array =>
  frame([MessageType.sync, SyncStep.update], update)

export const writeAwareness = (update: Uint8Array): Uint8Array =>
  frame([MessageType.awareness], update)
