import { CloseCode, type PresenceUser, type Role } from '@accord/protocol'
import { RateLimiter } from './RateLimiter.js'
import type { SocketLike } from './SocketLike.js'

/** Once reading is paused, it resumes no sooner than this: what arrives meanwhile is handled together. */
const MIN_PAUSE_MS = 50

export interface ConnectionLimits {
  /** Messages per second handled on average; bursts up to twice that. */
  maxMessagesPerSecond: number
  /**
   * Bytes per second handled on average; bursts up to twice that. Bounds what one socket can
   * make the server apply, queued frames included.
   */
  maxBytesPerSecond: number
  /**
   * Bytes of answers to sync step 1 sent per second on average, after a burst of
   * `answerBurstBytes`. One answer may be larger than what is left (a first sync of a large
   * document); the socket then is not read until the allowance has refilled, so asking again
   * and again for the whole document costs the asker time, not the server work.
   */
  maxAnswerBytesPerSecond: number
  /** See maxAnswerBytesPerSecond: what a connection may be sent in answers at once. */
  answerBurstBytes: number
  /**
   * Bytes that may wait in this socket's send buffer. A peer that stops reading is
   * disconnected at this point (it syncs again when it reconnects) instead of making the
   * server hold every update for it.
   */
  maxBufferedBytes: number
  /**
   * Bytes received and not yet handled. The transport stops reading while frames wait, so
   * only what it had read before that can pile up; past this the socket is closed (1013, the
   * client reconnects).
   */
  maxQueuedBytes: number
}

/** Handles a prefix of `frames` now and returns how many it took; the rest waits. */
export type FrameHandler = (frames: readonly Uint8Array[]) => number

/**
 * One authenticated WebSocket in one room. Its user and role are the server's
 * own and change under it when an administrator changes them.
 *
 * Incoming frames are handled at most at the rate its limits allow. Beyond that the socket is
 * not read (back-pressure: TCP makes the sender wait) and the frames that arrived meanwhile
 * are handed to the room together, which merges consecutive updates. A client that sends too
 * much is slowed, never closed, so no well-behaved client loses an edit to a rate limit.
 */
export class Connection {
  /** Awareness client ids this connection announced; nobody else may write them. */
  readonly awarenessIds = new Set<number>()
  /** Text changes applied from this connection, for the audit log ("edited, N changes"). */
  editsApplied = 0
  /** The user's name when the socket opened: the editor stamps it on suggestions until it reloads. */
  readonly nameAtOpen: string
  private readonly messages: RateLimiter
  private readonly bytes: RateLimiter
  private readonly answers: RateLimiter
  private readonly queue: Uint8Array[] = []
  private queuedBytes = 0
  private handler: FrameHandler | undefined
  private readingPaused = false
  private wakeTimer: NodeJS.Timeout | undefined
  private pumping = false
  /** Shutting down: what still arrives is handled at once, whatever the limits. */
  private unlimited = false
  /** The socket is gone, or we closed it: nothing more is sent or received. */
  closed = false
  /** We asked the peer to close and wait for its answer; what it sent before that still arrives. */
  private leaving = false
  private socketGone = false
  private resolveGone: () => void = () => undefined
  /** Resolves once the transport reports the socket closed. */
  readonly gone = new Promise<void>((resolve) => {
    this.resolveGone = resolve
  })

  constructor(
    private readonly socket: SocketLike,
    public user: PresenceUser,
    private readonly limits: ConnectionLimits,
  ) {
    this.nameAtOpen = user.name
    this.messages = new RateLimiter(limits.maxMessagesPerSecond)
    this.bytes = new RateLimiter(limits.maxBytesPerSecond)
    this.answers = new RateLimiter(limits.maxAnswerBytesPerSecond, limits.answerBurstBytes)
  }

  get role(): Role {
    return this.user.role
  }

  send(data: Uint8Array): void {
    if (this.closed || this.leaving) return
    if (this.socket.bufferedAmount + data.byteLength > this.limits.maxBufferedBytes) {
      // A close frame would wait behind everything it has not read: drop the connection instead.
      this.drop()
      return
    }
    this.socket.send(data)
  }

  /** Counts an answer to a sync step 1 against this connection's allowance. */
  chargeAnswer(bytes: number): void {
    this.answers.spend(bytes)
  }

  /** True while answers have used up the allowance: the room handles nothing more for now. */
  get answersExhausted(): boolean {
    return !this.unlimited && this.answers.available() < 0
  }

  /** Closes at once: frames still on their way are ignored (for peers that broke the rules). */
  close(close: CloseCode): void {
    if (this.closed) return
    this.closed = true
    this.stopHandling()
    this.socket.close(close.code, close.reason)
  }

  /**
   * Closes politely: the peer answers our close frame with its own, and every frame it sent
   * before that is still delivered, so an edit typed just before a shutdown is not dropped.
   */
  goAway(close: CloseCode): Promise<void> {
    if (!this.closed && !this.leaving) {
      this.leaving = true
      this.unlimited = true
      this.socket.close(close.code, close.reason)
      this.pump()
    }
    return this.gone
  }

  /** Drops the connection without a closing handshake (a peer that stopped reading or answering). */
  drop(): void {
    if (this.socketGone) return
    this.closed = true
    this.stopHandling()
    this.socket.terminate()
  }

  /** Called by the transport when the socket has closed, for whatever reason. */
  markClosed(): void {
    this.socketGone = true
    this.closed = true
    this.stopHandling()
    this.resolveGone()
  }

  /** Called by the transport for each binary frame. Waits until the room is attached and the limits allow. */
  receive(data: Uint8Array): void {
    if (this.closed) return
    if (this.queuedBytes + data.byteLength > this.limits.maxQueuedBytes) {
      this.close(CloseCode.tryAgainLater)
      return
    }
    this.queue.push(data)
    this.queuedBytes += data.byteLength
    this.pump()
  }

  /** Starts handing frames to the room, queued ones first. */
  attach(handler: FrameHandler): void {
    this.handler = handler
    this.pump()
  }

  /** Hands the room what the limits allow now; pauses reading while anything waits. */
  private pump(): void {
    // The room may close or answer from inside the handler; one loop at a time.
    if (this.pumping || this.closed) return
    this.pumping = true
    try {
      while (this.handler && this.queue.length > 0 && !this.closed) {
        const affordable = this.affordable()
        if (affordable === 0) break
        const used = this.handler(this.queue.slice(0, affordable))
        // Closed from inside the handler: the queue is gone already.
        if (used <= 0 || this.closed) break
        const taken = this.queue.splice(0, used)
        const bytes = taken.reduce((sum, frame) => sum + frame.byteLength, 0)
        this.queuedBytes -= bytes
        this.messages.spend(used)
        this.bytes.spend(bytes)
      }
    } finally {
      this.pumping = false
    }
    if (this.closed) return
    this.setReading(this.queue.length === 0)
    if (this.queue.length === 0) return
    if (this.handler && !this.wakeTimer) {
      this.wakeTimer = setTimeout(
        () => {
          this.wakeTimer = undefined
          this.pump()
        },
        Math.max(MIN_PAUSE_MS, this.waitMs()),
      )
    }
  }

  /** How many queued frames, from the first, the allowances cover now. */
  private affordable(): number {
    if (this.unlimited) return this.queue.length
    if (this.answersExhausted) return 0
    let messages = this.messages.available()
    let bytes = this.bytes.available()
    let count = 0
    for (const frame of this.queue) {
      if (messages < 1 || frame.byteLength > bytes) break
      messages -= 1
      bytes -= frame.byteLength
      count++
    }
    return count
  }

  private waitMs(): number {
    const head = this.queue[0]?.byteLength ?? 0
    return Math.max(this.messages.waitMs(1), this.bytes.waitMs(head), this.answers.waitMs(0))
  }

  private setReading(on: boolean): void {
    if (on === !this.readingPaused) return
    this.readingPaused = !on
    if (on) this.socket.resume()
    else this.socket.pause()
  }

  /** Nothing more is handled; reading goes on, so that the peer's answer to a close arrives. */
  private stopHandling(): void {
    clearTimeout(this.wakeTimer)
    this.wakeTimer = undefined
    this.queue.length = 0
    this.queuedBytes = 0
    if (!this.socketGone) this.setReading(true)
  }
}
