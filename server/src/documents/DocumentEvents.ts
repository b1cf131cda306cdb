import type { DocumentEvent } from '@accord/protocol'

type Listener = (event: DocumentEvent) => void

/** How document events travel to every instance (the cluster carries them). */
export interface DocumentEventChannel {
  send(documentId: string, event: DocumentEvent): void
  /** Every event sent, by any instance this one included. */
  onReceive(listener: (documentId: string, event: DocumentEvent) => void): void
}

/**
 * Live changes to a document that are not text (threads, status, save health), fanned out
 * to that document's event-stream subscribers on every instance.
 */
export class DocumentEvents {
  private readonly listeners = new Map<string, Set<Listener>>()

  constructor(private readonly channel: DocumentEventChannel) {
    channel.onReceive((documentId, event) => {
      for (const listener of this.listeners.get(documentId) ?? []) listener(event)
    })
  }

  publish(documentId: string, event: DocumentEvent): void {
    this.channel.send(documentId, event)
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
