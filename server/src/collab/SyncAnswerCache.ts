import * as Y from 'yjs'
import { changedDocument } from './LiveUpdates.js'
import { writeSyncStep2 } from './protocol.js'

/**
 * Answers to a sync step 1 that are the same for many peers, each encoded (and framed as a
 * sync step 2) once and reused until the document changes:
 * - everything, for a peer that has nothing of this document: a fresh browser, a crowd
 *   opening a 1 MiB document, or a client asking for it over and over with a state vector
 *   that names only clients the document never saw. The first one after a load can be the
 *   stored state itself, read from disk just now;
 * - nothing new (only the delete set, which Yjs always sends), for a peer that has it all:
 *   every editor's "is my edit saved?" probe. Encoding it still walks the whole document to
 *   build the delete set, so it is worth keeping too.
 */
export class SyncAnswerCache {
  private full: Uint8Array | undefined
  private fullFrame: Uint8Array | undefined
  private upToDateFrame: Uint8Array | undefined

  constructor(
    private readonly doc: Y.Doc,
    /** The document's exact state as loaded (a single stored state row), if known. */
    loaded?: Uint8Array,
  ) {
    this.full = loaded
    // Not 'update': an update the room applies as sent is not encoded by Yjs (LiveUpdates).
    doc.on('afterTransaction', this.follow)
  }

  /** Y.encodeStateAsUpdate(doc), computed at most once per change. */
  fullState(): Uint8Array {
    this.full ??= Y.encodeStateAsUpdate(this.doc)
    return this.full
  }

  /** The sync step 2 answering `stateVector`: from the cache when it is one of the common answers. */
  answer(stateVector: Uint8Array): Uint8Array {
    const peer = Y.decodeStateVector(stateVector)
    if (holdsNothing(this.doc, peer)) {
      this.fullFrame ??= writeSyncStep2(this.fullState())
      return this.fullFrame
    }
    if (holdsEverything(this.doc, peer)) {
      this.upToDateFrame ??= writeSyncStep2(
        Y.encodeStateAsUpdate(this.doc, Y.encodeStateVector(this.doc)),
      )
      return this.upToDateFrame
    }
    return writeSyncStep2(Y.encodeStateAsUpdate(this.doc, stateVector))
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.follow)
    this.invalidate()
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    if (changedDocument(transaction)) this.invalidate()
  }

  private readonly invalidate = (): void => {
    this.full = undefined
    this.fullFrame = undefined
    this.upToDateFrame = undefined
  }
}

/** The peer holds nothing of any client the document knows: the answer is the whole document. */
export const holdsNothing = (doc: Y.Doc, peer: Map<number, number>): boolean => {
  for (const [client, clock] of peer) {
    if (clock > 0 && Y.getState(doc.store, client) > 0) return false
  }
  return true
}

/** The peer holds everything the document does: the answer carries no structs. */
export const holdsEverything = (doc: Y.Doc, peer: Map<number, number>): boolean => {
  for (const client of doc.store.clients.keys()) {
    if ((peer.get(client) ?? 0) < Y.getState(doc.store, client)) return false
  }
  return true
}
