import { indexOf, LIVE, textOf } from '@accord/schema'
import * as Y from 'yjs'
import { newItems } from '../newItems.js'
import type { TransactionOrigin } from '../TransactionOrigin.js'
import {
  type Arrival,
  type DeletedBlock,
  deletedBlocks,
  idKey,
  isJoinedText,
  newBlock,
  textArrivals,
} from './arrivals.js'
import { contentNow, onlyText, piecesOf, type Typed, typedSince } from './copiesNow.js'
import { type Move, writtenIntoDeleted } from './lostJoins.js'

/** How long a copy that arrived is remembered as one a concurrent copy may match. */
const REMEMBER_MS = 60_000
/** Copies remembered per document at most; the oldest are forgotten first. */
const MAX_REMEMBERED = 256

/** A copy to delete; what was typed in it since it arrived goes into the kept one first. */
interface Double {
  arrival: Arrival
  typed?: Typed
}

const parentItem = (item: Y.Item): Y.Item | null => (item.parent as Y.AbstractType<unknown>)._item

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
 * A join and a list item made of the same paragraph at once would lose the joined text: it
 * goes into the old paragraph, which the list item's copy replaces. The copy is remembered as
 * the paragraph's move (`Move`), and the joined text goes into it, after what the copy held as
 * it arrived, whichever of the two comes first. Only the instance whose client sent the later
 * of the two does this, so that two instances never both put it back.
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
  /** Blocks replaced by a copy of themselves, by their text's id, oldest first. */
  private readonly moves = new Map<string, Move>()
  /** Joined text a concurrent copy lost, to put into that copy. */
  private lostJoins: Typed[] = []
  /**
   * Blocks and texts a copy replaced in the transaction being followed, by id, that Yjs must
   * not collect at its end: text written into a collected one arrives without its characters,
   * so a lost join could not be put back. Kept deleted, they cost their ids, not their text.
   */
  private readonly uncollected = new Set<string>()
  private readonly gcFilter: (item: Y.Item) => boolean

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.follow)
    this.gcFilter = doc.gcFilter
    doc.gcFilter = (item) => this.gcFilter(item) && !this.uncollected.has(idKey(item.id))
  }

  /**
   * Puts back the joined text lost and deletes the doubles found since the last call, in one
   * transaction with `origin`; returns how many it put back and deleted.
   */
  repair(origin: TransactionOrigin): number {
    const { doubles, lostJoins } = this
    if (doubles.length === 0 && lostJoins.length === 0) return 0
    this.doubles = []
    this.lostJoins = []
    let repaired = 0
    Y.transact(
      this.doc,
      () => {
        for (const { into, at, text } of lostJoins) {
          if (into._item?.deleted || at > into.length) continue
          into.insert(at, text)
          repaired++
        }
        for (const { arrival, typed } of doubles) {
          const { client, copy } = arrival
          if (copy.kind === 'block') {
            if (copy.item.deleted) continue
            if (typed) typed.into.insert(typed.at, typed.text)
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
    this.uncollected.clear()
    this.arrivals.clear()
    this.order.length = 0
    this.joinedInto.clear()
    this.moves.clear()
    this.doubles = []
    this.lostJoins = []
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    // Collecting happens once, at the end of the transaction that deleted an item.
    this.uncollected.clear()
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
    // Of two instances, only the one whose client sent the later change puts text back.
    const local = from === 'connection'
    for (const item of items) {
      const block = newBlock(item, transaction, now)
      if (!block) continue
      this.arrived(block, true)
      this.moved(block, deletedNow(), local)
    }
    // Only joined text is remembered; any text may turn out to be its double.
    for (const { arrival, joined } of textArrivals(items, transaction, deletedNow, now))
      this.arrived(arrival, joined)
    if (local && this.moves.size > 0) {
      for (const { move, text } of writtenIntoDeleted(items, transaction, this.moves)) {
        const now = textOf(move.to, LIVE)
        if (
          isJoinedText(text, deletedNow()) &&
          !move.to._item?.deleted &&
          now.startsWith(move.text)
        )
          this.lostJoins.push({ into: move.to, at: move.text.length, text })
      }
    }
  }

  /**
   * Notes a new block that replaces a deleted one of one text with a copy of it; when a join
   * into that block came first and the copy lacks it, its text is to go into the copy.
   */
  private moved(block: Arrival, deleted: readonly DeletedBlock[], local: boolean): void {
    if (block.copy.kind !== 'block' || block.copy.text === null) return
    const { text } = block.copy
    const to = onlyText(block.copy.item) as Y.XmlText
    for (const replaced of deleted) {
      const [from] = replaced.texts
      if (replaced.texts.length !== 1 || !from?._item) continue
      if (replaced.text === text) {
        this.moves.set(idKey(from._item.id), { from, to, text, at: block.at })
        // The text and the blocks around it the transaction deleted (collecting a block collects
        // what it holds).
        for (let item: Y.Item | null = from._item; item?.deleted; item = parentItem(item))
          this.uncollected.add(idKey(item.id))
        continue
      }
      if (!local) continue
      for (const join of this.order) {
        const { copy } = join
        if (copy.kind !== 'text' || copy.text !== from || join.client === block.client) continue
        if (replaced.text === text + copy.plain)
          this.lostJoins.push({ into: to, at: text.length, text: copy.plain })
      }
    }
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
    for (const [key, move] of this.moves) {
      if (this.moves.size <= MAX_REMEMBERED && now - move.at < REMEMBER_MS) break
      this.moves.delete(key)
    }
  }

  private countJoined(text: Y.XmlText, by: 1 | -1): void {
    const key = idKey(text._item?.id)
    const count = (this.joinedInto.get(key) ?? 0) + by
    if (count > 0) this.joinedInto.set(key, count)
    else this.joinedInto.delete(key)
  }
}
