import { CloseCode, type PresenceUser, type Role } from '@accord/protocol'
import { RateLimiter } from './RateLimiter.js'
import type { SocketLike } from './SocketLike.js'

/** Messages that may wait while the room loads; a client sends two or three. */
const MAX_QUEUED = 64

/**
 * One authenticated WebSocket in one room. Its user and role are the server's
 * own and change under it when an administrator changes them.
 */
export class Connection {
  /** Awareness client ids this connection announced; nobody else may write them. */
  readonly awarenessIds = new Set<number>()
  private readonly limiter: RateLimiter
  private queue: Uint8Array[] | undefined = []
  private handler: ((data: Uint8Array) => void) | undefined
  closed = false

  constructor(
    private readonly socket: SocketLike,
    public user: PresenceUser,
    maxMessagesPerSecond: number,
  ) {
    this.limiter = new RateLimiter(maxMessagesPerSecond)
  }

  get role(): Role {
    return this.user.role
  }

  send(data: Uint8Array): void {
    if (!this.closed) this.socket.send(data)
  }

  close(close: CloseCode): void {
    if (this.closed) return
    this.closed = true
    this.socket.close(close.code, close.reason)
  }

  /** Called by the transport for each binary frame. Queues until the room is attached. */
  receive(data: Uint8Array): void {
    if (this.closed) return
    if (!this.limiter.take()) {
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
