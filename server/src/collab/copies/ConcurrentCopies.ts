import { indexOf, LIVE, textOf } from '@accord/schema'
import * as Y from 'yjs'
import { newItems } from '../newItems.js'
import type { TransactionOrigin } from '../TransactionOrigin.js'
import {
  type Arrival,
  type DeletedBlock,
  deletedBlocks,
  idKey,
  newBlock,
  textArrivals,
} from './arrivals.js'
import { contentNow, piecesOf, type Typed, typedSince } from './copiesNow.js'
import { Moves, type TextFix } from './Moves.js'

/** How long a copy that arrived is remembered as one a concurrent copy may match. */
const REMEMBER_MS = 60_000
/** Copies remembered per document at most; the oldest are forgotten first. */
const MAX_REMEMBERED = 256

/** A copy to delete; what was typed in it since it arrived goes into the kept one first. */
interface Double {
  arrival: Arrival
  typed?: Typed
}

/** Applies a fix when its text is still there, and what it removes is still what it holds. */
const applyFix = (fix: TextFix): boolean => {
  const { text, at } = fix
  if (text._item?.deleted) return false
  if ('insert' in fix) {
    if (at > text.length) return false
    // Plain, not taking on the formatting around it.
    text.insert(at, fix.insert, {})
    return true
  }
  if (textOf(text, LIVE).slice(at, at + fix.remove.length) !== fix.remove) return false
  text.delete(at, fix.remove.length)
  return true
}

/**
 * Did the transaction change the list of blocks of the body or of an element that was there
 * before it? A join, a split and a list item do; typing changes only texts.
 */
const changesBlockLists = (transaction: Y.Transaction): boolean => {
  for (const [type, keys] of transaction.changed) {
    // An element is a fragment too.
    if (keys.has(null) && type instanceof Y.XmlFragment) return true
  }
  return false
}

/**
 * Finds what two people wrote twice at the same moment. Yjs has no move, so the editor binding
 * writes a paragraph made a list item, or the tail of a split paragraph, as "delete the block
 * (or tail), insert a copy", and a join as "delete the next block, insert its text at the end
 * of this one". When two people do this to the same block before either sees the other's
 * change, both deletes fall on the same block and both copies stay: everyone sees the block
 * (or the joined text) twice.
 *
 * Such copies are put between the same two neighbours by different clients with the same
 * content as they arrived: sibling blocks with text, or runs of text that the first to arrive
 * brought in while deleting a block with just that text (a join). `repair` deletes all
 * but the one Yjs puts first (the lowest client id), a choice every instance of the server
 * makes alike. Whoever was typing in a deleted copy has their caret, and any keys it lacked,
 * carried to the kept one by the editor (CaretFollowsText), as after any copy.
 *
 * A block copy someone typed in since it arrived goes only when that typing can be moved into
 * the kept copy (`typedSince`): one text each, the kept one as it arrived, the typing at one
 * place. Left alone: blocks without text (two people pressing Enter at one place want two
 * paragraphs), copies that differ as they arrive (someone typed in one before it reached the
 * server, in the same frame), and any other copy written in since it arrived: both stay.
 *
 * A join or a split of a paragraph someone makes a list item at the same moment is carried
 * into the list item's copy (`Moves`).
 */
export class ConcurrentCopies {
  /** Remembered copies by where they were put, and all of them oldest first. */
  private readonly arrivals = new Map<string, Arrival[]>()
  private readonly order: Arrival[] = []
  private doubles: Double[] = []
  /**
   * Remembered joined texts per text they went into (by its item's id): text written there
   * alone may be a double of one, as the second join's delete changes nothing here.
   */
  private readonly joinedInto = new Map<string, number>()
  /** Blocks replaced by a copy of themselves, for a join or split of them at the same moment. */
  private readonly moves = new Moves()
  /** The document's own collection filter, kept and restored on destroy. */
  private readonly gcFilter: (item: Y.Item) => boolean

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.follow)
    this.gcFilter = doc.gcFilter
    doc.gcFilter = (item) => this.gcFilter(item) && this.moves.mayCollect(item)
  }

  /**
   * Carries the joins and splits found since the last call into the copies they missed, and
   * deletes the doubles, in one transaction with `origin`; returns how many changes it made.
   */
  repair(origin: TransactionOrigin): number {
    const { doubles } = this
    const fixes = this.moves.takeFixes()
    if (doubles.length === 0 && fixes.length === 0) return 0
    this.doubles = []
    let repaired = 0
    Y.transact(
      this.doc,
      () => {
        for (const fix of fixes) if (applyFix(fix)) repaired++
        for (const { arrival, typed } of doubles) {
          const { client, copy } = arrival
          if (copy.kind === 'block') {
            if (copy.item.deleted) continue
            if (typed) typed.into.insert(typed.at, typed.text, {})
            const parent = copy.item.parent as Y.XmlFragment
            parent.delete(indexOf(copy.item, LIVE), 1)
          } else {
            // From the end, so that each index still holds.
            const { pieces } = piecesOf(copy.text, client, copy.from, copy.to)
            for (const { item, start, end, index } of pieces.reverse())
              if (!item.deleted && item.countable) copy.text.delete(index, end - start)
          }
          repaired++
        }
      },
      origin,
    )
    return repaired
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.follow)
    this.doc.gcFilter = this.gcFilter
    this.arrivals.clear()
    this.order.length = 0
    this.joinedInto.clear()
    this.moves.clear()
    this.doubles = []
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    this.moves.nextTransaction()
    const from = (transaction.origin as TransactionOrigin | null)?.kind
    if (from !== 'connection' && from !== 'peer') return
    const now = Date.now()
    this.forget(now)
    // Typing changes only texts: it costs these few lookups, unless it is in a joined text.
    if (!changesBlockLists(transaction) && !this.writesInJoinedText(transaction)) return
    const items = [...newItems(this.doc, transaction)]
    let deleted: DeletedBlock[] | undefined
    const deletedNow = () => {
      deleted ??= deletedBlocks(transaction)
      return deleted
    }
    const arrivedAt = { at: now, local: from === 'connection' }
    const blocks: Arrival[] = []
    for (const item of items) {
      const block = newBlock(item, transaction, arrivedAt)
      if (!block) continue
      this.arrived(block, true)
      blocks.push(block)
    }
    if (blocks.length > 0) this.moves.arrived(blocks, deletedNow(), this.order)
    // Only joined text is remembered; any text may turn out to be its double.
    for (const { arrival, joined } of textArrivals(items, transaction, deletedNow, arrivedAt))
      this.arrived(arrival, joined)
    this.moves.written(items, transaction, deletedNow, arrivedAt.local)
  }

  /** Did the transaction write in a text that a remembered join wrote in? */
  private writesInJoinedText(transaction: Y.Transaction): boolean {
    if (this.joinedInto.size === 0) return false
    for (const type of transaction.changed.keys()) {
      if (type instanceof Y.XmlText && this.joinedInto.has(idKey(type._item?.id))) return true
    }
    return false
  }

  /** Notes the doubles among `arrival` and the copies remembered at its place. */
  private arrived(arrival: Arrival, remember: boolean): void {
    const same = (this.arrivals.get(arrival.key) ?? []).filter(
      (a) => a.client !== arrival.client && a.content === arrival.content && contentNow(a) !== null,
    )
    if (same.length > 0) {
      // Keep the copy Yjs orders first among them; the rest go.
      const copies = [arrival, ...same]
      const kept = copies.reduce((a, b) => (a.client < b.client ? a : b))
      for (const copy of copies) {
        if (copy === kept) continue
        if (contentNow(copy) === copy.content) {
          this.doubles.push({ arrival: copy })
          continue
        }
        // Typed in since it arrived: the typing moves to the kept copy, or, when that cannot
        // be told, both stay (the words would be lost with it).
        const typed = typedSince(copy, kept)
        if (typed) this.doubles.push({ arrival: copy, typed })
      }
    }
    if (remember) this.remember(arrival)
  }

  private remember(arrival: Arrival): void {
    if (arrival.copy.kind === 'text') this.countJoined(arrival.copy.text, 1)
    this.order.push(arrival)
    const list = this.arrivals.get(arrival.key)
    if (list) list.push(arrival)
    else this.arrivals.set(arrival.key, [arrival])
    this.forget(arrival.at)
  }

  /** Forgets copies older than REMEMBER_MS, and the oldest beyond MAX_REMEMBERED. */
  private forget(now: number): void {
    while (
      this.order.length > MAX_REMEMBERED ||
      (this.order.length > 0 && now - (this.order[0] as Arrival).at >= REMEMBER_MS)
    ) {
      const oldest = this.order.shift() as Arrival
      if (oldest.copy.kind === 'text') this.countJoined(oldest.copy.text, -1)
      const same = this.arrivals.get(oldest.key) as Arrival[]
      same.shift()
      if (same.length === 0) this.arrivals.delete(oldest.key)
    }
    this.moves.forget(now, REMEMBER_MS, MAX_REMEMBERED)
  }

  private countJoined(text: Y.XmlText, by: 1 | -1): void {
    const key = idKey(text._item?.id)
    const count = (this.joinedInto.get(key) ?? 0) + by
    if (count > 0) this.joinedInto.set(key, count)
    else this.joinedInto.delete(key)
  }
}
