import { type Awareness, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { afterIo, type Scheduler } from './BroadcastCoalescer.js'
import { writeAwareness } from './protocol.js'

/**
 * Relays presence the way BroadcastCoalescer relays text: the client ids whose presence
 * changed in one turn of the event loop go out as one frame, encoded once and sent as the
 * same bytes to every connection, and once to the other instances (changes that came from
 * them excepted). In a busy room every keystroke also moves a caret, so this halves the
 * frames a turn sends; when idle a turn holds one change and nothing waits.
 */
export class AwarenessRelay {
  private readonly changed = new Set<number>()
  private readonly toPublish = new Set<number>()
  private scheduled: { cancel(): void } | undefined

  constructor(
    private readonly awareness: Awareness,
    private readonly out: {
      /** Runs first: text queued before a caret that may point into it goes out before it. */
      before(): void
      /** Sends one frame to every connection. */
      send(frame: Uint8Array): void
      /** Hands an awareness update to the other instances. */
      publish(update: Uint8Array): void
    },
    private readonly schedule: Scheduler = afterIo,
  ) {}

  /** Queues changed client ids; `publish`: false for changes that came from another instance. */
  add(ids: readonly number[], publish: boolean): void {
    for (const id of ids) {
      this.changed.add(id)
      if (publish) this.toPublish.add(id)
    }
    if (this.changed.size === 0) return
    this.scheduled ??= this.schedule(() => {
      this.scheduled = undefined
      this.flush()
    })
  }

  flush(): void {
    this.scheduled?.cancel()
    this.scheduled = undefined
    if (this.changed.size === 0) return
    this.out.before()
    const update = encodeAwarenessUpdate(this.awareness, [...this.changed])
    this.out.send(writeAwareness(update))
    if (this.toPublish.size > 0) {
      this.out.publish(
        this.toPublish.size === this.changed.size
          ? update
          : encodeAwarenessUpdate(this.awareness, [...this.toPublish]),
      )
    }
    this.changed.clear()
    this.toPublish.clear()
  }

  cancel(): void {
    this.scheduled?.cancel()
    this.scheduled = undefined
    this.changed.clear()
    this.toPublish.clear()
  }
}
