import type { DocumentEvent } from '@accord/protocol'

type Listener = (event: DocumentEvent) => void

/**
 * Live changes to a document that are not text (threads, status, save health), fanned out
 * to that document's event-stream subscribers. In-process; scale-out would put a pub/sub
 * behind the same two methods.
 */
export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>()

  publish(documentId: string, event: DocumentEvent): void {
    for (const listener of this.listeners.get(documentId) ?? []) listener(event)
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
      if (set.size === 0) this.listeners.delete(documentId)
    }
  }
}
