import type { Cluster } from '../cluster/Cluster.js'

type Listener = (unread: number) => void

/** Unread counts, live, to each person's open inbox streams on every instance. */
export class InboxEvents {
  private readonly listeners = new Map<string, Set<Listener>>()

  constructor(private readonly cluster: Cluster) {
    cluster.onEvent((event) => {
      if (event.kind !== 'inbox') return
      for (const listener of this.listeners.get(event.userId) ?? []) listener(event.unread)
    })
  }

  publish(userId: string, unread: number): void {
    this.cluster.broadcast({ kind: 'inbox', userId, unread })
  }

  /** Returns the unsubscribe function. */
  subscribe(userId: string, listener: Listener): () => void {
    let set = this.listeners.get(userId)
    if (!set) {
      set = new Set()
      this.listeners.set(userId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0 && this.listeners.get(userId) === set) this.listeners.delete(userId)
    }
  }
}
