import * as Y from 'yjs'
import type { LiveUpdates } from './LiveUpdates.js'
import { ProtocolError } from './protocol.js'

const cloneOf = (doc: Y.Doc): Y.Doc => {
  const copy = new Y.Doc({ gc: doc.gc })
  // The live document's kinds of shared types first: typing one later replaces its object,
  // and a trial's transaction would name one that is no longer in the copy.
  for (const [name, type] of doc.share) {
    copy.get(name, type.constructor as new () => Y.AbstractType<unknown>)
  }
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  return copy
}

/** Direct applies in a row after which the copy is dropped rather than kept in step (see applyDirect). */
const DROP_COPY_AFTER_DIRECT = 256

/** True when applying `update` to `doc` would change nothing; false when unsure (e.g. malformed). */
const containedIn = (doc: Y.Doc, update: Uint8Array): boolean => {
  try {
    return Y.snapshotContainsUpdate(Y.snapshot(doc), update)
  } catch {
    return false
  }
}

/** A client update applied to the scratch copy: the copy now, and what the update changed in it. */
export interface Trial {
  copy: Y.Doc
  /** Its Yjs transaction, ended: `changed`, `deleteSet` and `beforeState` tell what the update did. */
  transaction: Y.Transaction
}

/**
 * A second Y.Doc kept identical to the live one, on which every client update is tried
 * first. Yjs can throw halfway through applying a well-formed but hostile update (an item
 * whose parent is not a type, say), and by then part of it is integrated into the document
 * and would be relayed and stored. Trying it here first means the live document only ever
 * sees updates that apply whole. Costs one more apply per update and one more copy of the
 * document in memory; a refused update costs one rebuild of the copy.
 *
 * The copy is made at the first update that brings something new, not when the document
 * loads: copying a large document costs about as much as loading it, and every provider
 * answers the server's SyncStep1 with a SyncStep2 that usually holds nothing new.
 */
export class ScratchCopy {
  private copy: Y.Doc | undefined
  private applyingTried = false
  /** Updates applied with applyDirect since the last trial. */
  private directInARow = 0
  private readonly stopFollowing: () => void

  constructor(
    private readonly live: Y.Doc,
    private readonly updates: LiveUpdates,
  ) {
    this.stopFollowing = updates.listen(this.follow)
  }

  /**
   * Applies `update` to the live document only if it applied whole to the copy; otherwise
   * throws ProtocolError, rebuilds the copy and leaves the live document untouched.
   * `vet`, when given, looks at the trial (the copy with the update applied) and may throw to
   * refuse it (its error is rethrown as it is, the copy rebuilt).
   */
  applyWhole(update: Uint8Array, origin: unknown, vet?: (trial: Trial) => void): void {
    this.directInARow = 0
    if (!this.copy) {
      if (containedIn(this.live, update)) return
      this.copy = cloneOf(this.live)
    }
    const copy = this.copy
    let transaction: Y.Transaction | undefined
    try {
      Y.transact(copy, (tr) => {
        transaction = tr
        Y.applyUpdate(copy, update)
      })
    } catch (err) {
      this.discard()
      throw new ProtocolError(`update could not be applied: ${(err as Error).message}`)
    }
    if (vet) {
      const trial = { copy, transaction: transaction as Y.Transaction }
      // Reading the copy may change it (y-tiptap deletes a node it cannot build): then it is
      // no longer what the live document will be, and is copied afresh next time.
      let changedByVet = false
      const onChange = () => {
        changedByVet = true
      }
      copy.on('afterTransaction', onChange)
      try {
        vet(trial)
      } catch (err) {
        this.discard()
        throw err
      } finally {
        copy.off('afterTransaction', onChange)
      }
      if (changedByVet) this.discard()
    }
    this.applyingTried = true
    try {
      Y.applyUpdate(this.live, update, origin)
    } finally {
      this.applyingTried = false
    }
  }

  /**
   * Applies an update known to apply whole and to pass the rules (isPlainEdit) to the live
   * document without a trial; `asSent` when it adds exactly what it holds (appliesAsSent), so
   * its own bytes stand for the change (LiveUpdates.applyAsSent). The copy, if there is one,
   * follows; after `DROP_COPY_AFTER_DIRECT` such updates in a row it is dropped instead, since
   * following costs one more apply per update and one more document in memory, and rebuilding
   * it when a trial is next needed costs about what that many follows do.
   */
  applyDirect(update: Uint8Array, origin: unknown, asSent: boolean): Y.Transaction {
    if (this.copy && ++this.directInARow > DROP_COPY_AFTER_DIRECT) this.discard()
    if (asSent) return this.updates.applyAsSent(update, origin)
    // One transaction around the apply (which joins it), so the caller can read what it did.
    let done: Y.Transaction | undefined
    Y.transact(
      this.live,
      (transaction) => {
        Y.applyUpdate(this.live, update, origin)
        done = transaction
      },
      origin,
    )
    return done as Y.Transaction
  }

  /** True while a copy is kept (for tests and memory figures). */
  get holdsCopy(): boolean {
    return this.copy !== undefined
  }

  /** Drops a copy that took something the live document did not; the next update copies afresh. */
  private discard(): void {
    this.copy?.destroy()
    this.copy = undefined
  }

  destroy(): void {
    this.stopFollowing()
    this.copy?.destroy()
    this.copy = undefined
  }

  /**
   * Changes to the live document that did not come through applyWhole (none today; a
   * server-side restore later) reach the copy too, so the two never drift apart.
   */
  private readonly follow = (update: Uint8Array): void => {
    if (!this.applyingTried && this.copy) Y.applyUpdate(this.copy, update)
  }
}
