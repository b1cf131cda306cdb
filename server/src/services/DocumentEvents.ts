import type { DocumentEvent } from '@accord/protocol'
import type { Cluster } from '../cluster/Cluster.js'
import { KeyedListeners } from './KeyedListeners.js'

/**
 * Live changes to a document that are not text (threads, status, save health), fanned out
 * to that document's event-stream subscribers on every instance.
 */
export class DocumentEvents {
  private readonly listeners = new KeyedListeners<DocumentEvent>()

  constructor(private readonly cluster: Cluster) {
    cluster.onEvent((event) => {
      if (event.kind === 'document') this.listeners.emit(event.documentId, event.event)
    })
  }

  publish(documentId: string, event: DocumentEvent): void {
    this.cluster.broadcast({ kind: 'document', documentId, event })
  }

  /** Returns the unsubscribe function. */
  subscribe(documentId: string, listener: (event: DocumentEvent) => void): () => void {
    return this.listeners.add(documentId, listener)
  }
}
