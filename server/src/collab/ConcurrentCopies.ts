import * as Y from 'yjs'
import { newItems } from './newItems.js'
import type { TransactionOrigin } from './TransactionOrigin.js'

/** How long a block that arrived is remembered as one a concurrent copy may match. */
const REMEMBER_MS = 60_000
/** Blocks remembered per document at most; the oldest are forgotten first. */
const MAX_REMEMBERED = 256

interface Arrival {
  item: Y.Item
  key: string
  /** The block as it arrived: its name, attributes and text, nested. */
  content: string
  at: number
}

const idKey = (id: Y.ID | null): string => (id ? `${id.client}:${id.clock}` : '-')

/** Where an item was put: its parent and both neighbours its writer saw. */
const placeKey = (item: Y.Item): string =>
  `${idKey((item.parent as Y.AbstractType<unknown>)._item?.id ?? null)}|${idKey(item.origin)}|${idKey(item.rightOrigin)}`

const hasText = (type: Y.XmlElement | Y.XmlText): boolean =>
  type instanceof Y.XmlText
    ? type.length > 0
    : type.toArray().some((child) => !(child instanceof Y.XmlHook) && hasText(child))

/**
 * Did the transaction change the list of blocks of the body or of an element that was there
 * before it? Typing changes only texts: this keeps the cost per keystroke to a few lookups.
 */
const changesBlockLists = (transaction: Y.Transaction): boolean => {
  for (const [type, keys] of transaction.changed) {
    // An element is a fragment too.
    if (keys.has(null) && type instanceof Y.XmlFragment) return true
  }
  return false
}

/** A new block of an element or the body, not inside another block the same transaction made. */
const newBlock = (item: Y.Item, transaction: Y.Transaction): Y.XmlElement | null => {
  if (item.deleted || item.parentSub !== null || !(item.content instanceof Y.ContentType))
    return null
  const block = item.content.type
  if (!(block instanceof Y.XmlElement)) return null
  const parent = (item.parent as Y.AbstractType<unknown>)._item
  if (parent && parent.id.clock >= (transaction.beforeState.get(parent.id.client) ?? 0)) return null
  return block
}

/**
 * Finds a block that two people wrote twice at the same moment. Yjs has no move, so the editor
 * binding writes a paragraph made a list item, or the tail of a split paragraph, as "delete
 * the block (or tail), insert a copy". When two people do this to the same block before
 * either sees the other's change, both deletes fall on the same block and both copies stay:
 * everyone sees the block twice. Such copies are siblings put between the same two
 * neighbours by different clients with the same content as they arrived; `removeDoubles`
 * deletes all but the one Yjs puts first (the lowest client id), a choice every instance of
 * the server makes alike. Whoever was typing in the deleted copy has their caret, and any
 * keys it lacked, carried to the kept one by the editor (CaretFollowsText), as after any copy.
 *
 * Blocks without text are left alone: two people pressing Enter at one place want two
 * paragraphs. A copy that differs from the other as it arrives (someone typed in one before
 * it reached the server) is not recognised.
 */
export class ConcurrentCopies {
  /** Remembered blocks by where they were put, and all of them oldest first. */
  private readonly arrivals = new Map<string, Arrival[]>()
  private readonly order: Arrival[] = []
  private doubles: Y.Item[] = []

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.follow)
  }

  /** Deletes the doubles found since the last call, in one transaction with `origin`. */
  removeDoubles(origin: TransactionOrigin): number {
    const doubles = this.doubles.filter((item) => !item.deleted)
    this.doubles = []
    if (doubles.length === 0) return 0
    Y.transact(
      this.doc,
      () => {
        for (const item of doubles) {
          const parent = item.parent as Y.XmlElement | Y.XmlFragment
          const index = parent
            .toArray()
            .indexOf((item.content as Y.ContentType).type as Y.XmlElement)
          if (index >= 0) parent.delete(index, 1)
        }
      },
      origin,
    )
    return doubles.length
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.follow)
    this.arrivals.clear()
    this.order.length = 0
    this.doubles = []
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    const from = (transaction.origin as TransactionOrigin | null)?.kind
    if ((from !== 'connection' && from !== 'peer') || !changesBlockLists(transaction)) return
    const now = Date.now()
    for (const item of newItems(this.doc, transaction)) {
      const block = newBlock(item, transaction)
      if (!block) continue
      const key = placeKey(item)
      const content = block.toString()
      const same = (this.arrivals.get(key) ?? []).filter(
        (a) => !a.item.deleted && a.item.id.client !== item.id.client && a.content === content,
      )
      if (same.length > 0 && hasText(block)) {
        // Keep the copy Yjs orders first among them; the rest go.
        const kept = [item, ...same.map((a) => a.item)].reduce((a, b) =>
          a.id.client < b.id.client ? a : b,
        )
        for (const copy of [item, ...same.map((a) => a.item)])
          if (copy !== kept) this.doubles.push(copy)
      }
      this.remember({ item, key, content, at: now })
    }
  }

  private remember(arrival: Arrival): void {
    this.order.push(arrival)
    const list = this.arrivals.get(arrival.key)
    if (list) list.push(arrival)
    else this.arrivals.set(arrival.key, [arrival])
    while (
      this.order.length > MAX_REMEMBERED ||
      arrival.at - (this.order[0] as Arrival).at >= REMEMBER_MS
    ) {
      const oldest = this.order.shift() as Arrival
      const same = this.arrivals.get(oldest.key) as Arrival[]
      same.shift()
      if (same.length === 0) this.arrivals.delete(oldest.key)
    }
  }
}
