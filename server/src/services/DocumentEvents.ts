import type { DocumentEvent } from '@accord/protocol'
import type { Cluster } from '../cluster/Cluster.js'

type Listener = (event: DocumentEvent) => void

/**
 * Live changes to a document that are not text (threads, status, save health), fanned out
 * to that document's event-stream subscribers on every instance.
 */
export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>()

  constructor(private readonly cluster: Cluster) {
    cluster.onEvent((event) => {
      if (event.kind !== 'document') return
      for (const listener of this.listeners.get(event.documentId) ?? []) listener(event.event)
    })
  }

  publish(documentId: string, event: DocumentEvent): void {
    this.cluster.broadcast({ kind: 'document', documentId, event })
  }

  /** Returns the unsubscribe function. */
  subscribe(documentId: string, listener: Listener): () => void {
    let set = this.listeners.get(documentId)
    if (!set) {
      set = new Set()
      this.listeners.set(documentId, set)
    }
    set.add(listener)
    return () => {
      set.delete(listener)
      // Only this set: a second call must not drop a newer subscriber's.
      if (set.size === 0 && this.listeners.get(documentId) === set)
        this.listeners.delete(documentId)
    }
  }
}
