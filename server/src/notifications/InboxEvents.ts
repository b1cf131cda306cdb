import type { Cluster } from '../cluster/Cluster.js'
import { KeyedListeners } from '../services/KeyedListeners.js'

/** Unread counts, live, to each person's open inbox streams on every instance. */
export class InboxEvents {
  private readonly listeners = new KeyedListeners<number>()

  constructor(private readonly cluster: Cluster) {
    cluster.onEvent((event) => {
      if (event.kind === 'inbox') this.listeners.emit(event.userId, event.unread)
    })
  }

  publish(userId: string, unread: number): void {
    this.cluster.broadcast({ kind: 'inbox', userId, unread })
  }

  /** Returns the unsubscribe function. */
  subscribe(userId: string, listener: (unread: number) => void): () => void {
    return this.listeners.add(userId, listener)
  }
}
