import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import {
  MessageType,
  ProtocolError,
  readMessage,
  SyncStep,
  writeAwareness,
  writeSyncStep1,
  writeSyncStep2,
  writeUpdate,
} from './protocol.js'

const bytes = (...values: number[]) => new Uint8Array(values)
const frame = (write: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder()
  write(e)
  return encoding.toUint8Array(e)
}

describe('the y-websocket wire protocol', () => {
  it('reads back every message it writes, payload intact', () => {
    const payload = bytes(1, 2, 3, 250)
    expect(readMessage(writeSyncStep1(payload))).toEqual({
      type: 'syncStep1',
      stateVector: payload,
    })
    expect(readMessage(writeSyncStep2(payload))).toEqual({ type: 'syncStep2', update: payload })
    expect(readMessage(writeUpdate(payload))).toEqual({ type: 'update', update: payload })
    expect(readMessage(writeAwareness(payload))).toEqual({ type: 'awareness', update: payload })
  })

  it('an empty payload is a message too (an empty state vector asks for everything)', () => {
    expect(readMessage(writeSyncStep1(bytes()))).toEqual({
      type: 'syncStep1',
      stateVector: bytes(),
    })
  })

  it('reads the query for awareness states, which carries nothing', () => {
    expect(readMessage(bytes(MessageType.queryAwareness))).toEqual({ type: 'queryAwareness' })
  })

  it('writes the frames the stock provider expects: type, sync step, length-prefixed payload', () => {
    expect([...writeSyncStep1(bytes(7))]).toEqual([MessageType.sync, SyncStep.step1, 1, 7])
    expect([...writeUpdate(bytes(7, 8))]).toEqual([MessageType.sync, SyncStep.update, 2, 7, 8])
    expect([...writeAwareness(bytes(9))]).toEqual([MessageType.awareness, 1, 9])
  })

  it.each([0, 1, 127, 128, 16_383, 16_384, 2_097_151, 2_097_152])(
    'writes a %i-byte payload as lib0 would, into a Buffer ws sends as is',
    (size) => {
      const payload = new Uint8Array(size).map((_, i) => i % 251)
      const sent = writeUpdate(payload)
      expect(Buffer.isBuffer(sent)).toBe(true)
      expect(
        Buffer.from(sent).equals(
          Buffer.from(
            frame((e) => {
              encoding.writeVarUint(e, MessageType.sync)
              encoding.writeVarUint(e, SyncStep.update)
              encoding.writeVarUint8Array(e, payload)
            }),
          ),
        ),
      ).toBe(true)
      const read = readMessage(writeAwareness(payload))
      expect(read.type).toBe('awareness')
      if (read.type === 'awareness') expect(Buffer.from(read.update).equals(payload)).toBe(true)
    },
  )

  it.each([
    ['an empty frame', bytes()],
    ['an auth message, which clients never send', bytes(MessageType.auth, 0)],
    ['an unknown message type', bytes(42)],
    [
      'an unknown sync step',
      frame((e) => {
        encoding.writeVarUint(e, MessageType.sync)
        encoding.writeVarUint(e, 9)
        encoding.writeVarUint8Array(e, bytes(1))
      }),
    ],
    ['a sync message without its step', bytes(MessageType.sync)],
    ['a payload shorter than its length says', bytes(MessageType.sync, SyncStep.update, 5, 1, 2)],
    ['an awareness message without its payload', bytes(MessageType.awareness)],
    [
      'a varUint that never ends',
      bytes(0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff),
    ],
  ])('refuses %s with a ProtocolError', (_name, data) => {
    expect(() => readMessage(data)).toThrow(ProtocolError)
  })
})
