import * as Y from 'yjs'

/**
 * The whole document encoded once and reused for every newcomer with an empty state vector
 * (a fresh browser, a cold reload), until the document changes. A crowd opening a 1 MiB
 * document then costs one encoding instead of one per person; the first one after a load
 * can be the stored state itself, read from disk just now.
 */
export class FullStateCache {
  private bytes: Uint8Array | undefined

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

  destroy(): void {
    this.doc.off('update', this.invalidate)
    this.bytes = undefined
  }

  private readonly invalidate = (): void => {
    this.bytes = undefined
  }
}

/** A state vector that names no client: the peer has nothing yet. */
export const isEmptyStateVector = (stateVector: Uint8Array): boolean =>
  stateVector.byteLength === 1 && stateVector[0] === 0
