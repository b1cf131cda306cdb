import * as Y from 'yjs'

export type UpdateListener = (update: Uint8Array, origin: unknown) => void

/** True when a transaction changed the document: what Yjs checks before it emits 'update'. */
export const changedDocument = (transaction: Y.Transaction): boolean => {
  if (transaction.deleteSet.clients.size > 0) return true
  for (const [client, clock] of transaction.afterState) {
    if (transaction.beforeState.get(client) !== clock) return true
  }
  return false
}

/**
 * The live document's updates, for whatever relays, stores or follows them: the document's
 * one 'update' listener. Yjs encodes each transaction's update at its end as long as anything
 * listens for 'update'; for a client's update that adds exactly what it holds (appliesAsSent),
 * that encoding would only make again the bytes already in hand (about a twentieth of the
 * server's main-thread time under load), so `applyAsSent` applies it with nothing listening
 * and hands on the bytes as sent.
 */
export class LiveUpdates {
  private readonly listeners = new Set<UpdateListener>()

  constructor(private readonly doc: Y.Doc) {
    doc.on('update', this.tell)
  }

  /** Calls `listener` with every update of the document, in order. Returns the unsubscribe. */
  listen(listener: UpdateListener): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /**
   * Applies `update`, which adds exactly what it holds (appliesAsSent), in one transaction
   * with `origin`, and tells the listeners its own bytes if it changed anything. Returns the
   * transaction. Inside another transaction it is applied as any update (that one's encoding
   * will carry it). Should an observer change the document again meanwhile (none does today),
   * those later transactions are told as one update encoded from the document.
   */
  applyAsSent(update: Uint8Array, origin: unknown): Y.Transaction {
    let done: Y.Transaction | undefined
    const apply = (transaction: Y.Transaction) => {
      done = transaction
      Y.applyUpdate(this.doc, update, origin)
    }
    if (this.doc._transaction) {
      Y.transact(this.doc, apply, origin)
      return done as Y.Transaction
    }
    const later: Y.Transaction[] = []
    const seen = (transaction: Y.Transaction) => {
      if (transaction !== done) later.push(transaction)
    }
    this.doc.off('update', this.tell)
    this.doc.on('afterTransaction', seen)
    try {
      Y.transact(this.doc, apply, origin)
    } finally {
      this.doc.off('afterTransaction', seen)
      this.doc.on('update', this.tell)
    }
    const applied = done as Y.Transaction
    if (changedDocument(applied)) this.tell(update, origin)
    const since = later.find(changedDocument)
    if (since) {
      this.tell(
        Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(since.beforeState)),
        since.origin,
      )
    }
    return applied
  }

  destroy(): void {
    this.doc.off('update', this.tell)
    this.listeners.clear()
  }

  private readonly tell = (update: Uint8Array, origin: unknown): void => {
    for (const listener of this.listeners) listener(update, origin)
  }
}
