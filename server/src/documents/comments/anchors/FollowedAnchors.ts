import {
  type AnchorPositions,
  decodeAnchor,
  type EncodedAnchor,
  resolveAnchor,
} from '@accord/schema'
import * as Y from 'yjs'
import {
  copyInTransaction,
  insertedClauses,
  lostWords,
  type Recreated,
  type WaitingWords,
  waitingWords,
  wordsBack,
} from './recreatedWords.js'

/** Removed words a document waits for at most; the oldest are forgotten first. */
const MAX_WAITING = 1000

interface Followed {
  positions: AnchorPositions
  /** On its words after the last transaction (so a transaction that removes them is noticed). */
  anchored: boolean
}

/**
 * True when `transaction` changed the list of the text (or container) an anchor's end is
 * in, or of one of its containers: only then can it have removed or brought back the words.
 * Cheap (a few lookups), so that typing elsewhere costs nothing per thread.
 */
const touches = (doc: Y.Doc, transaction: Y.Transaction, positions: AnchorPositions): boolean =>
  [positions.start, positions.end].some((position) => {
    let type: unknown
    if (position.tname !== null) type = doc.share.get(position.tname)
    else {
      const id = position.item ?? position.type
      if (!id || id.clock >= Y.getState(doc.store, id.client)) return false
      const item = Y.getItem(doc.store, id)
      if (!(item instanceof Y.Item)) return false
      type = position.item
        ? item.parent
        : item.content instanceof Y.ContentType && item.content.type
    }
    while (type instanceof Y.AbstractType) {
      if (transaction.changed.has(type)) return true
      type = type._item?.parent
    }
    return false
  })

/**
 * Comment anchors followed through every transaction of one Y.Doc. When a transaction
 * removes a thread's words, it looks for them re-created (see `recreatedWords`): in the
 * same transaction, or later as the clause or place they were in comes back; then it calls
 * `onMoved` with the new anchor. Words simply deleted stay deleted.
 */
export class FollowedAnchors {
  private readonly threads = new Map<string, Followed>()
  private waiting: { threadId: string; words: WaitingWords }[] = []

  constructor(
    private readonly doc: Y.Doc,
    private readonly onMoved: (threadId: string, moved: Recreated) => void,
    private readonly onError: (err: unknown) => void,
  ) {
    doc.on('afterTransaction', this.onTransaction)
  }

  /** Follows a thread's anchor (again, when it changed). */
  follow(threadId: string, anchor: EncodedAnchor): void {
    const positions = decodeAnchor(anchor)
    if (!positions) return
    const anchored = resolveAnchor(this.doc, positions).kind === 'anchored'
    this.threads.set(threadId, { positions, anchored })
  }

  has(threadId: string): boolean {
    return this.threads.has(threadId)
  }

  forget(threadId: string): void {
    this.threads.delete(threadId)
    this.waiting = this.waiting.filter((w) => w.threadId !== threadId)
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction)
  }

  private readonly onTransaction = (transaction: Y.Transaction): void => {
    if (this.threads.size === 0) return
    try {
      this.afterTransaction(transaction)
    } catch (err) {
      // Following comments must never break applying a change to the document.
      this.onError(err)
    }
  }

  private afterTransaction(transaction: Y.Transaction): void {
    const { doc } = this
    const deleted = transaction.deleteSet.clients.size > 0
    const inserted = [...transaction.afterState].some(
      ([client, clock]) => clock > (transaction.beforeState.get(client) ?? 0),
    )
    if (inserted && this.waiting.length > 0) {
      const clauses = insertedClauses(doc, transaction)
      for (const { threadId, words } of [...this.waiting]) {
        const back = wordsBack(transaction, words, clauses)
        if (back) this.move(threadId, back)
      }
    }
    for (const [threadId, thread] of this.threads) {
      if (!touches(doc, transaction, thread.positions)) continue
      if (thread.anchored && deleted) {
        const lost = lostWords(doc, transaction, thread.positions)
        if (!lost) continue
        thread.anchored = false
        const copy = copyInTransaction(doc, transaction, lost)
        if (copy) this.move(threadId, copy)
        else {
          const words = waitingWords(transaction, lost)
          if (words) this.waitFor(threadId, words)
        }
      } else if (!thread.anchored && inserted) {
        // Yjs itself may bring words back (an undo puts them where they were).
        thread.anchored = resolveAnchor(doc, thread.positions).kind === 'anchored'
      }
    }
  }

  private waitFor(threadId: string, words: WaitingWords): void {
    this.waiting.push({ threadId, words })
    if (this.waiting.length > MAX_WAITING) this.waiting.shift()
  }

  private move(threadId: string, moved: Recreated): void {
    this.waiting = this.waiting.filter((w) => w.threadId !== threadId)
    this.follow(threadId, moved.anchor)
    this.onMoved(threadId, moved)
  }
}
