/** setTimeout's longest delay; a later expiry is re-armed when this much has passed. */
const MAX_TIMER_MS = 2 ** 31 - 1

/** Something open on one session (a WebSocket, an event stream), and how it learns the session ended. */
export interface SessionHold {
  /** The session ended while this was held. */
  readonly ended: boolean
  /** Calls `end` once, when the session ends (at once if it already has). One listener per hold. */
  onEnd(end: () => void): void
  /** Ends the hold at `expiresAt` (ms since the epoch) as well: an expired session ends too. */
  expireAt(expiresAt: number): void
  /** What it guarded has closed; nothing more is called. Safe to call twice. */
  release(): void
}

/**
 * What is open on each session on this instance (WebSockets, event streams), so that a
 * session that ends (sign-out, a password change or reset, deactivation, expiry) closes them
 * at once. Every instance is told through the cluster (`sessionsEnded`).
 *
 * A hold is taken before the session is read from storage. Whatever ends a session deletes
 * it first and announces it after, so an end is either seen by the read or reaches the hold:
 * a socket being opened while its session ends is never left open.
 */
export class LiveSessions {
  private readonly holds = new Map<string, Set<Hold>>()

  /** Starts watching a session (by its id, see SessionStore). */
  hold(sessionId: string): SessionHold {
    let set = this.holds.get(sessionId)
    if (!set) {
      set = new Set()
      this.holds.set(sessionId, set)
    }
    const hold = new Hold(() => {
      set.delete(hold)
      if (set.size === 0 && this.holds.get(sessionId) === set) this.holds.delete(sessionId)
    })
    set.add(hold)
    return hold
  }

  /** These sessions ended: whatever is open on them here is told. */
  end(sessionIds: readonly string[]): void {
    for (const id of sessionIds) {
      const set = this.holds.get(id)
      if (!set) continue
      this.holds.delete(id)
      for (const hold of set) hold.end()
    }
  }

  /** Holds open now, over every session. */
  get size(): number {
    let n = 0
    for (const set of this.holds.values()) n += set.size
    return n
  }
}

class Hold implements SessionHold {
  ended = false
  private released = false
  private listener: (() => void) | undefined
  private timer: NodeJS.Timeout | undefined

  constructor(private readonly forget: () => void) {}

  onEnd(end: () => void): void {
    if (this.released) return
    if (this.ended) end()
    else this.listener = end
  }

  expireAt(expiresAt: number): void {
    if (this.released || this.ended) return
    clearTimeout(this.timer)
    const wait = expiresAt - Date.now()
    if (wait <= 0) {
      this.end()
      return
    }
    this.timer = setTimeout(() => this.expireAt(expiresAt), Math.min(wait, MAX_TIMER_MS))
    this.timer.unref()
  }

  end(): void {
    if (this.released || this.ended) return
    this.ended = true
    clearTimeout(this.timer)
    const listener = this.listener
    this.listener = undefined
    listener?.()
  }

  release(): void {
    if (this.released) return
    this.released = true
    this.listener = undefined
    clearTimeout(this.timer)
    this.forget()
  }
}
