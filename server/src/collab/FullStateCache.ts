import * as Y from 'yjs'
import { writeSyncStep2 } from './protocol.js'

/**
 * The whole document encoded once, and framed once as the sync step 2 that answers a peer
 * asking for everything, reused until the document changes. A crowd opening a 1 MiB document
 * then costs one encoding instead of one per person, and so does a client asking for the
 * whole document over and over; the first one after a load can be the stored state itself,
 * read from disk just now.
 */
export class FullStateCache {
  private bytes: Uint8Array | undefined
  private frame: Uint8Array | undefined

  constructor(
    private readonly doc: Y.Doc,
    /** The document's exact state as loaded (a single stored state row), if known. */
    loaded?: Uint8Array,
  ) {
    this.bytes = loaded
    doc.on('update', this.invalidate)
  }

  /** Y.encodeStateAsUpdate(doc), computed at most once per change. */
  get(): Uint8Array {
    this.bytes ??= Y.encodeStateAsUpdate(this.doc)
    return this.bytes
  }

  /** The sync step 2 frame carrying get(), built at most once per change. */
  answer(): Uint8Array {
    this.frame ??= writeSyncStep2(this.get())
    return this.frame
  }

  destroy(): void {
    this.doc.off('update', this.invalidate)
    this.bytes = undefined
    this.frame = undefined
  }

  private readonly invalidate = (): void => {
    this.bytes = undefined
    this.frame = undefined
  }
}

/**
 * True when the answer to a sync step 1 carrying `stateVector` is the whole document: the
 * peer holds nothing of any client the document knows. That is a fresh browser, and also a
 * vector naming only clients the document never saw (eight bytes that would otherwise make
 * the server encode the whole document again). Throws for a vector that does not decode.
 */
export const asksForEverything = (doc: Y.Doc, stateVector: Uint8Array): boolean => {
  for (const [client, clock] of Y.decodeStateVector(stateVector)) {
    if (clock > 0 && Y.getState(doc.store, client) > 0) return false
  }
  return true
}
