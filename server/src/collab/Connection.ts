import { CloseCode, type PresenceUser, type Role } from '@accord/protocol'
import { RateLimiter } from './RateLimiter.js'
import type { SocketLike } from './SocketLike.js'

/** Messages that may wait while the room loads; a client sends two or three. */
const MAX_QUEUED = 64

export interface ConnectionLimits {
  /** Messages per second on average; bursts up to twice that. */
  maxMessagesPerSecond: number
  /**
   * Bytes per second on average; bursts up to twice that. Bounds what one socket can make
   * the server hold and apply, queued frames included.
   */
  maxBytesPerSecond: number
  /**
   * Bytes that may wait in this socket's send buffer. A peer that stops reading is
   * disconnected at this point (it syncs again when it reconnects) instead of making the
   * server hold every update for it.
   */
  maxBufferedBytes: number
}

/**
 * One authenticated WebSocket in one room. Its user and role are the server's
 * own and change under it when an administrator changes them.
 */
export class Connection {
  /** Awareness client ids this connection announced; nobody else may write them. */
  readonly awarenessIds = new Set<number>()
  /** Text changes applied from this connection, for the audit log ("edited, N changes"). */
  editsApplied = 0
  private readonly messages: RateLimiter
  private readonly bytes: RateLimiter
  private queue: Uint8Array[] | undefined = []
  private handler: ((data: Uint8Array) => void) | undefined
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
    this.messages = new RateLimiter(limits.maxMessagesPerSecond)
    this.bytes = new RateLimiter(limits.maxBytesPerSecond)
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

  /** Closes at once: frames still on their way are ignored (for peers that broke the rules). */
  close(close: CloseCode): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(close.code, close.reason)
  }

  /**
   * Closes politely: the peer answers our close frame with its own, and every frame it sent
   * before that is still delivered, so an edit typed just before a shutdown is not dropped.
   */
  goAway(close: CloseCode): Promise<void> {
    if (!this.closed && !this.leaving) {
      this.leaving = true
      this.socket.close(close.code, close.reason)
    }
    return this.gone
  }

  /** Drops the connection without a closing handshake (a peer that stopped reading or answering). */
  drop(): void {
    if (this.socketGone) return
    this.closed = true
    this.socket.terminate()
  }

  /** Called by the transport when the socket has closed, for whatever reason. */
  markClosed(): void {
    this.socketGone = true
    this.closed = true
    this.resolveGone()
  }

  /** Called by the transport for each binary frame. Queues until the room is attached. */
  receive(data: Uint8Array): void {
    if (this.closed) return
    if (!this.messages.take() || !this.bytes.take(data.byteLength)) {
      this.close(CloseCode.tooMany)
    } else if (this.handler) {
      this.handler(data)
    } else if (!this.queue || this.queue.length >= MAX_QUEUED) {
      this.close(CloseCode.tooMany)
    } else {
      this.queue.push(data)
    }
  }

  /** Starts delivering frames to the room, queued ones first. */
  attach(handler: (data: Uint8Array) => void): void {
    this.handler = handler
    const queued = this.queue ?? []
    this.queue = undefined
    for (const data of queued) {
      if (this.closed) break
      handler(data)
    }
  }
}
