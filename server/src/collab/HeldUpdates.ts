import type { UpdateNeeds } from './updateNeeds.js'

export interface HeldLimits {
  /** Bytes one connection may have waiting. Default 1 MiB. */
  bytesPerConnection: number
  /** Structs one connection may have waiting (they cost work when applied). Default 50,000. */
  structsPerConnection: number
  /** Updates one connection may have waiting. Default 256. */
  updatesPerConnection: number
  /** Bytes all connections of a room may have waiting together. Default 4 MiB. */
  bytesPerRoom: number
  /** How long a connection's oldest update may wait. Default 10 s. */
  maxWaitMs: number
}

export const DEFAULT_HELD_LIMITS: HeldLimits = {
  bytesPerConnection: 1024 * 1024,
  structsPerConnection: 50_000,
  updatesPerConnection: 256,
  bytesPerRoom: 4 * 1024 * 1024,
  maxWaitMs: 10_000,
}

export interface HeldUpdate<C> {
  connection: C
  update: Uint8Array
  needs: UpdateNeeds
}

interface Account {
  bytes: number
  structs: number
  updates: number
  timer: NodeJS.Timeout
}

/**
 * Client updates that wait, outside the document, for changes they depend on. An honest
 * client rarely has any (an edit sent in the moment before its reconnect sync, or one that
 * builds on another tab's edit still on its way), and they are small and short-lived; so
 * what one connection and one room may hold is bounded in bytes, structs, count and time,
 * and nothing here is touched again until the document has changed.
 */
export class HeldUpdates<C> {
  private readonly held: HeldUpdate<C>[] = []
  private readonly accounts = new Map<C, Account>()
  private roomBytes = 0

  constructor(
    private readonly limits: HeldLimits,
    /** Called when a connection's oldest update has waited `maxWaitMs`; its updates are dropped. */
    private readonly onExpired: (connection: C) => void,
  ) {}

  get size(): number {
    return this.held.length
  }

  /**
   * Holds an update. Returns 'first' when it is the connection's first (time to ask it for
   * what is missing), 'held' otherwise, and 'overLimit' (holding nothing) when it would pass a
   * bound.
   */
  hold(connection: C, update: Uint8Array, needs: UpdateNeeds): 'first' | 'held' | 'overLimit' {
    const account = this.accounts.get(connection)
    const bytes = (account?.bytes ?? 0) + update.byteLength
    if (
      bytes > this.limits.bytesPerConnection ||
      (account?.structs ?? 0) + needs.structs > this.limits.structsPerConnection ||
      (account?.updates ?? 0) + 1 > this.limits.updatesPerConnection ||
      this.roomBytes + update.byteLength > this.limits.bytesPerRoom
    ) {
      return 'overLimit'
    }
    this.held.push({ connection, update, needs })
    this.roomBytes += update.byteLength
    if (account) {
      account.bytes = bytes
      account.structs += needs.structs
      account.updates++
      return 'held'
    }
    const timer = setTimeout(() => {
      this.drop(connection)
      this.onExpired(connection)
    }, this.limits.maxWaitMs)
    this.accounts.set(connection, { bytes, structs: needs.structs, updates: 1, timer })
    return 'first'
  }

  /** Takes out, oldest first, every held update whose needs `met` says are met now. */
  takeReady(met: (needs: UpdateNeeds) => boolean): HeldUpdate<C>[] {
    const ready: HeldUpdate<C>[] = []
    for (let i = 0; i < this.held.length; ) {
      const entry = this.held[i] as HeldUpdate<C>
      if (!met(entry.needs)) {
        i++
        continue
      }
      this.held.splice(i, 1)
      this.release(entry)
      ready.push(entry)
    }
    return ready
  }

  /** Forgets what a connection holds (it left, or is being closed). */
  drop(connection: C): void {
    if (!this.accounts.has(connection)) return
    for (let i = this.held.length - 1; i >= 0; i--) {
      const entry = this.held[i] as HeldUpdate<C>
      if (entry.connection !== connection) continue
      this.held.splice(i, 1)
      this.release(entry)
    }
  }

  destroy(): void {
    for (const account of this.accounts.values()) clearTimeout(account.timer)
    this.accounts.clear()
    this.held.length = 0
    this.roomBytes = 0
  }

  private release(entry: HeldUpdate<C>): void {
    this.roomBytes -= entry.update.byteLength
    const account = this.accounts.get(entry.connection)
    if (!account) return
    account.bytes -= entry.update.byteLength
    account.structs -= entry.needs.structs
    account.updates--
    if (account.updates === 0) {
      clearTimeout(account.timer)
      this.accounts.delete(entry.connection)
    }
  }
}
