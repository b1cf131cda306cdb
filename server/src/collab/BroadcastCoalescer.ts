import * as Y from 'yjs'
import { writeUpdate } from './protocol.js'

/** Queues a callback for after the current round of I/O (setImmediate, or a test's own). */
export type Scheduler = (run: () => void) => { cancel(): void }

export const afterIo: Scheduler = (run) => {
  const handle = setImmediate(run)
  return { cancel: () => clearImmediate(handle) }
}

/**
 * Gathers the document updates applied in one turn of the event loop and relays them as one
 * frame, encoded once for every recipient. Under load many sockets are read in the same turn,
 * so a room of 50 editors sends one frame per connection per turn instead of one per update
 * per connection; when idle a turn holds one update and nothing waits. Updates from a single
 * sender skip that sender, as before; a frame that merges several senders goes to everyone,
 * since a sender applying its own change again is a no-op and one encoding beats one per
 * recipient.
 */
export class BroadcastCoalescer<C> {
  private updates: Uint8Array[] = []
  private sender: C | undefined
  private mixed = false
  private scheduled: { cancel(): void } | undefined

  constructor(
    /** Sends one encoded frame to every connection except `except` (when given). */
    private readonly deliver: (frame: Uint8Array, except: C | undefined) => void,
    private readonly schedule: Scheduler = afterIo,
  ) {}

  /** Queues an update that `sender` (or the server, when undefined) applied. */
  add(update: Uint8Array, sender: C | undefined): void {
    if (this.updates.length === 0) this.sender = sender
    else if (this.sender !== sender) this.mixed = true
    this.updates.push(update)
    this.scheduled ??= this.schedule(() => {
      this.scheduled = undefined
      this.flush()
    })
  }

  /** Sends what is queued now, e.g. before an awareness frame that may point into it. */
  flush(): void {
    if (this.updates.length === 0) return
    this.scheduled?.cancel()
    this.scheduled = undefined
    const updates = this.updates
    const except = this.mixed ? undefined : this.sender
    this.updates = []
    this.sender = undefined
    this.mixed = false
    const merged = updates.length === 1 ? (updates[0] as Uint8Array) : Y.mergeUpdates(updates)
    this.deliver(writeUpdate(merged), except)
  }

  /** Drops what is queued and the pending turn (the room is being destroyed). */
  cancel(): void {
    this.scheduled?.cancel()
    this.scheduled = undefined
    this.updates = []
    this.sender = undefined
    this.mixed = false
  }
}
