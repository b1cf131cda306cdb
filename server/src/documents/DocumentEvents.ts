import type { DocumentEvent } from '@accord/protocol'
import { KeyedListeners } from './KeyedListeners.js'

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
  private readonly listeners = new KeyedListeners<DocumentEvent>()

  constructor(private readonly channel: DocumentEventChannel) {
    channel.onReceive((documentId, event) => this.listeners.emit(documentId, event))
  }

  publish(documentId: string, event: DocumentEvent): void {
    this.channel.send(documentId, event)
  }

  /** Returns the unsubscribe function. */
  subscribe(documentId: string, listener: (event: DocumentEvent) => void): () => void {
    return this.listeners.add(documentId, listener)
  }
}
