import { CloseCode } from '@accord/protocol'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { Connection, type ConnectionLimits } from './Connection.js'
import type { SocketLike } from './SocketLike.js'

/** The server's end of an in-memory socket: records what the connection asks of it. */
const fakeSocket = () => {
  const socket = {
    paused: false,
    pauses: 0,
    closedWith: undefined as number | undefined,
    bufferedAmount: 0,
    send: () => undefined,
    close: (code: number) => {
      socket.closedWith = code
    },
    terminate: () => undefined,
    pause: () => {
      socket.paused = true
      socket.pauses++
    },
    resume: () => {
      socket.paused = false
    },
  }
  return socket satisfies SocketLike
}

const limits: ConnectionLimits = {
  maxMessagesPerSecond: 10,
  maxBytesPerSecond: 1000,
  maxAnswerBytesPerSecond: 100,
  answerBurstBytes: 200,
  maxBufferedBytes: 10_000,
  maxQueuedBytes: 5000,
}

const user = { id: 'u1', name: 'Ann', color: '#000', role: 'member' as const }
const frame = (bytes = 1) => new Uint8Array(bytes)

describe('Connection', () => {
  beforeEach(() => vi.useFakeTimers())
  afterEach(() => vi.useRealTimers())

  it('waits for the room, unread, and then hands over everything that arrived, in one batch', () => {
    const socket = fakeSocket()
    const connection = new Connection(socket, user, limits)
    for (let i = 0; i < 3; i++) connection.receive(frame())
    expect(socket.paused).toBe(true)
    const batches: number[] = []
    connection.attach((frames) => {
      batches.push(frames.length)
      return frames.length
    })
    expect(batches).toEqual([3])
    expect(socket.paused).toBe(false)
  })

  it('a burst beyond the message rate is slowed (socket paused), never closed, and nothing is lost', () => {
    const socket = fakeSocket()
    const connection = new Connection(socket, user, { ...limits, maxMessagesPerSecond: 200 })
    const handled: number[] = []
    connection.attach((frames) => {
      handled.push(frames.length)
      return frames.length
    })
    // 200 a second, bursts of 400: a thousand frames at once, as a script filling a document sends.
    for (let i = 0; i < 1000; i++) connection.receive(frame())
    const total = () => handled.reduce((a, b) => a + b, 0)
    expect(total()).toBe(400)
    expect(socket.paused).toBe(true)
    vi.advanceTimersByTime(1000)
    expect(total()).toBeLessThanOrEqual(601)
    vi.advanceTimersByTime(5000)
    expect(total()).toBe(1000)
    expect(socket.paused).toBe(false)
    expect(socket.closedWith).toBeUndefined()
    // The 600 that waited were handed over in batches (which the room merges), not one by one.
    expect(handled.length - 400).toBeLessThanOrEqual(600 / 5)
  })

  it('stops handing over frames once answers used up their allowance, until it refills', () => {
    const socket = fakeSocket()
    const connection = new Connection(socket, user, limits)
    const handled: number[] = []
    connection.attach((frames) => {
      // Every frame asks for an answer of 150 bytes; the room stops when the allowance is gone.
      for (let i = 0; i < frames.length; i++) {
        handled.push(1)
        connection.chargeAnswer(150)
        if (connection.answersExhausted) return i + 1
      }
      return frames.length
    })
    for (let i = 0; i < 5; i++) connection.receive(frame())
    // 200 at once: the first answer fits, the second goes into debt.
    expect(handled).toHaveLength(2)
    expect(socket.paused).toBe(true)
    vi.advanceTimersByTime(999)
    expect(handled).toHaveLength(2)
    vi.advanceTimersByTime(2)
    expect(handled).toHaveLength(3)
  })

  it('closes with 1013 (the client retries) when more arrives than it may queue', () => {
    const socket = fakeSocket()
    const connection = new Connection(socket, user, limits)
    connection.receive(frame(3000))
    connection.receive(frame(3000))
    expect(socket.closedWith).toBe(CloseCode.tryAgainLater.code)
  })

  it('reads again when it closes, so that the close handshake completes', () => {
    const socket = fakeSocket()
    const connection = new Connection(socket, user, limits)
    connection.receive(frame())
    expect(socket.paused).toBe(true)
    connection.close(CloseCode.badMessage)
    expect(socket.paused).toBe(false)
  })

  it('on the way out hands over whatever still arrives, whatever the limits', () => {
    const socket = fakeSocket()
    const connection = new Connection(socket, user, limits)
    let total = 0
    connection.attach((frames) => {
      total += frames.length
      return frames.length
    })
    for (let i = 0; i < 50; i++) connection.receive(frame())
    expect(total).toBe(20)
    void connection.goAway(CloseCode.goingAway)
    expect(total).toBe(50)
  })
})
