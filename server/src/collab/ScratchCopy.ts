import * as Y from 'yjs'
import { ProtocolError } from './protocol.js'

const cloneOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc({ gc: doc.gc })
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/**
 * A second Y.Doc kept identical to the live one, on which every client update is tried
 * first. Yjs can throw halfway through applying a well-formed but hostile update (an item
 * whose parent is not a type, say), and by then part of it is integrated into the document
 * and would be relayed and stored. Trying it here first means the live document only ever
 * sees updates that apply whole. Costs one more apply per update and one more copy of the
 * document in memory; a refused update costs one rebuild of the copy.
 */
export class ScratchCopy {
  private copy: Y.Doc
  private applyingTried = false

  constructor(private readonly live: Y.Doc) {
    this.copy = cloneOf(live)
    live.on('update', this.follow)
  }

  /**
   * Applies `update` to the live document only if it applied whole to the copy; otherwise
   * throws ProtocolError, rebuilds the copy and leaves the live document untouched.
   * `vet`, when given, looks at the copy with the update applied and may throw to refuse it
   * (its error is rethrown as it is, the copy rebuilt).
   */
  applyWhole(update: Uint8Array, origin: unknown, vet?: (copy: Y.Doc) => void): void {
    try {
      Y.applyUpdate(this.copy, update)
    } catch (err) {
      this.rebuild()
      throw new ProtocolError(`update could not be applied: ${(err as Error).message}`)
    }
    if (vet) {
      try {
        vet(this.copy)
      } catch (err) {
        this.rebuild()
        throw err
      }
    }
    this.applyingTried = true
    try {
      Y.applyUpdate(this.live, update, origin)
    } finally {
      this.applyingTried = false
    }
  }

  private rebuild(): void {
    this.copy.destroy()
    this.copy = cloneOf(this.live)
  }

  destroy(): void {
    this.live.off('update', this.follow)
    this.copy.destroy()
  }

  /**
   * Changes to the live document that did not come through applyWhole (none today; a
   * server-side restore later) reach the copy too, so the two never drift apart.
   */
  private readonly follow = (update: Uint8Array): void => {
    if (!this.applyingTried) Y.applyUpdate(this.copy, update)
  }
}
