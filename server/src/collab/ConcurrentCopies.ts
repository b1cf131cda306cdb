import * as Y from 'yjs'
import { newItems } from './newItems.js'
import type { TransactionOrigin } from './TransactionOrigin.js'

/** How long a copy that arrived is remembered as one a concurrent copy may match. */
const REMEMBER_MS = 60_000
/** Copies remembered per document at most; the oldest are forgotten first. */
const MAX_REMEMBERED = 256
/** Joined text this short could be two people typing the same at one place. */
const MIN_JOINED_TEXT = 3

/** A copy as it arrived: a new block, or the text a join brought into a block. */
interface Arrival {
  key: string
  /** Its content as it arrived (a block's name, attributes and text, nested). */
  content: string
  client: number
  /**
   * The block's item, or the joined text's range of clocks (its items may be merged with
   * others or split by typing later, so it is found again by its clocks).
   */
  copy:
    | { kind: 'block'; item: Y.Item; text: string | null }
    | { kind: 'text'; text: Y.XmlText; from: number; to: number }
  at: number
}

/** A copy to delete; what was typed in it since it arrived goes into the kept one first. */
interface Double {
  arrival: Arrival
  typed?: { into: Y.XmlText; at: number; text: string }
}

const idKey = (id: Y.ID | null): string => (id ? `${id.client}:${id.clock}` : '-')

/** Where a copy was put: its parent and both neighbours its writer saw. */
const placeKey = (first: Y.Item, last: Y.Item): string =>
  `${idKey((first.parent as Y.AbstractType<unknown>)._item?.id ?? null)}|${idKey(first.origin)}|${idKey(last.rightOrigin)}`

const hasText = (type: Y.XmlElement | Y.XmlText): boolean =>
  type instanceof Y.XmlText
    ? type.length > 0
    : type.toArray().some((child) => !(child instanceof Y.XmlHook) && hasText(child))

/**
 * Did the transaction change the list of blocks of the body or of an element that was there
 * before it? A join, a split and a list item do; typing changes only texts: this keeps the
 * cost per keystroke to a few lookups (but for a minute after a join, see `joinedTexts`).
 */
const changesBlockLists = (transaction: Y.Transaction): boolean => {
  for (const [type, keys] of transaction.changed) {
    // An element is a fragment too.
    if (keys.has(null) && type instanceof Y.XmlFragment) return true
  }
  return false
}

/** Was the item there before the transaction? */
const older = (item: Y.Item, transaction: Y.Transaction): boolean =>
  item.id.clock < (transaction.beforeState.get(item.id.client) ?? 0)

/** A block's only text (a paragraph's, a list item's), when it has exactly one. */
const onlyText = (block: Y.XmlElement): Y.XmlText | null => {
  const texts: Y.XmlText[] = []
  const visit = (element: Y.XmlElement) => {
    for (const child of element.toArray()) {
      if (child instanceof Y.XmlText) texts.push(child)
      else if (child instanceof Y.XmlElement) visit(child)
    }
  }
  visit(block)
  return texts.length === 1 ? (texts[0] as Y.XmlText) : null
}

const plainText = (text: Y.XmlText): string =>
  (text.toDelta() as { insert: unknown }[])
    .map(({ insert }) => (typeof insert === 'string' ? insert : '\ufffc'))
    .join('')

const onlyTextOf = (block: Y.XmlElement): string | null => {
  const text = onlyText(block)
  return text ? plainText(text) : null
}

/** What was typed at one place of `then` to make `now`, and where; null when not just that. */
const typedInto = (then: string, now: string): { at: number; text: string } | null => {
  if (now.length <= then.length) return null
  let at = 0
  while (at < then.length && then[at] === now[at]) at++
  const rest = then.length - at
  if (now.slice(now.length - rest) !== then.slice(at)) return null
  return { at, text: now.slice(at, now.length - rest) }
}

/** A new block of an element or the body, not inside another block the same transaction made. */
const newBlock = (item: Y.Item, transaction: Y.Transaction): Arrival | null => {
  if (item.deleted || item.parentSub !== null || !(item.content instanceof Y.ContentType))
    return null
  const block = item.content.type
  if (!(block instanceof Y.XmlElement) || !hasText(block)) return null
  const parent = (item.parent as Y.AbstractType<unknown>)._item
  if (parent && !older(parent, transaction)) return null
  return {
    key: placeKey(item, item),
    content: block.toString(),
    client: item.id.client,
    copy: { kind: 'block', item, text: onlyTextOf(block) },
    at: 0,
  }
}

/** The text a block's texts held, deleted by `transaction` (read before Yjs collects it). */
const deletedText = (block: Y.XmlElement, transaction: Y.Transaction): string => {
  let text = ''
  for (let child = block._start; child; child = child.right) {
    if (!(child.content instanceof Y.ContentType)) continue
    const type = child.content.type
    if (type instanceof Y.XmlElement) text += deletedText(type, transaction)
    else if (type instanceof Y.XmlText) {
      for (let at = type._start; at; at = at.right) {
        if (at.content instanceof Y.ContentString && Y.isDeleted(transaction.deleteSet, at.id))
          text += at.content.str
      }
    }
  }
  return text
}

/** The texts of the blocks a transaction deleted: what a join takes out of the next block. */
const deletedBlockTexts = (transaction: Y.Transaction): Set<string> => {
  const texts = new Set<string>()
  Y.iterateDeletedStructs(transaction, transaction.deleteSet, (struct) => {
    if (!(struct instanceof Y.Item) || !(struct.content instanceof Y.ContentType)) return
    const block = struct.content.type
    if (block instanceof Y.XmlElement && older(struct, transaction)) {
      const text = deletedText(block, transaction)
      if (text.length >= MIN_JOINED_TEXT) texts.add(text)
    }
  })
  return texts
}

/**
 * Runs of new text in a block that was there before, each of one client's items written one
 * after the other (formatting included), with their text: what a join brings into a block.
 */
const newTextRuns = (items: readonly Y.Item[], transaction: Y.Transaction) => {
  const runs: { items: Y.Item[]; text: string; content: string }[] = []
  let run: (typeof runs)[number] | undefined
  for (const item of items) {
    const { content, parent } = item
    const written = content instanceof Y.ContentString || content instanceof Y.ContentFormat
    if (item.deleted || !written || !(parent instanceof Y.XmlText) || !parent._item) {
      run = undefined
      continue
    }
    if (!older(parent._item, transaction)) continue
    const last = run?.items.at(-1)
    const follows =
      last &&
      item.origin &&
      item.id.client === last.id.client &&
      item.id.clock === last.id.clock + last.length &&
      Y.compareIDs(item.origin, Y.createID(last.id.client, item.id.clock - 1))
    if (!run || !follows) {
      run = { items: [], text: '', content: '' }
      runs.push(run)
    }
    run.items.push(item)
    if (content instanceof Y.ContentString) run.text += content.str
    run.content += writtenContent(item)
  }
  return runs
}

/** What one item of a run of text holds: its characters, or the formatting it starts. */
const writtenContent = ({ content }: Y.Item): string =>
  content instanceof Y.ContentString
    ? content.str
    : content instanceof Y.ContentFormat
      ? `<${content.key}=${JSON.stringify(content.value)}>`
      : ''

/** Where a text holds a range of one client's clocks: its pieces, each with its index. */
const piecesOf = (text: Y.XmlText, client: number, from: number, to: number) => {
  const pieces: { item: Y.Item; start: number; end: number; index: number }[] = []
  let index = 0
  let covered = 0
  let interrupted = false
  for (let at = text._start; at; at = at.right) {
    const visible = !at.deleted && at.countable
    const { clock } = at.id
    if (at.id.client === client && clock < to && clock + at.length > from) {
      const start = Math.max(from - clock, 0)
      const end = Math.min(to - clock, at.length)
      pieces.push({ item: at, start, end, index: index + start })
      covered += end - start
    } else if (visible && pieces.length > 0 && covered < to - from) interrupted = true
    if (visible) index += at.length
  }
  return { pieces, whole: covered === to - from && !interrupted }
}

/** A copy's content now, or null when part of it is gone or someone wrote inside it. */
const contentNow = ({ client, copy }: Arrival): string | null => {
  if (copy.kind === 'block')
    return copy.item.deleted ? null : (copy.item.content as Y.ContentType).type.toString()
  const { pieces, whole } = piecesOf(copy.text, client, copy.from, copy.to)
  if (!whole || pieces.some(({ item }) => item.deleted)) return null
  return pieces
    .map(({ item, start, end }) =>
      item.content instanceof Y.ContentString
        ? item.content.str.slice(start, end)
        : writtenContent(item),
    )
    .join('')
}

/**
 * What was typed in a block copy since it arrived, to go into the kept copy at the same
 * place: when each has one text, the kept one is as it arrived, and the typing is at one
 * place (without its formatting). Null otherwise.
 */
const typedSince = (copy: Arrival, kept: Arrival): Double['typed'] | null => {
  if (copy.copy.kind !== 'block' || kept.copy.kind !== 'block' || copy.copy.text === null)
    return null
  if (copy.copy.item.deleted || contentNow(kept) !== kept.content) return null
  const from = onlyText((copy.copy.item.content as Y.ContentType).type as Y.XmlElement)
  const into = onlyText((kept.copy.item.content as Y.ContentType).type as Y.XmlElement)
  const typed = from && into ? typedInto(copy.copy.text, plainText(from)) : null
  return typed && into ? { into, ...typed } : null
}

/** Where an item's content starts among its parent's visible content. */
const indexOf = (item: Y.Item): number => {
  let index = 0
  for (let at = (item.parent as Y.AbstractType<unknown>)._start; at && at !== item; at = at.right)
    if (!at.deleted && at.countable) index += at.length
  return index
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
 * brought in while deleting a block with just that text (a join). `removeDoubles` deletes all
 * but the one Yjs puts first (the lowest client id), a choice every instance of the server
 * makes alike. Whoever was typing in a deleted copy has their caret, and any keys it lacked,
 * carried to the kept one by the editor (CaretFollowsText), as after any copy.
 *
 * A block copy someone typed in since it arrived goes only when that typing can be moved into
 * the kept copy (`typedSince`): one text each, the kept one as it arrived, the typing at one
 * place. Left alone: blocks without text (two people pressing Enter at one place want two
 * paragraphs), copies that differ as they arrive (someone typed in one before it reached the
 * server, in the same frame), and any other copy written in since it arrived: both stay.
 */
export class ConcurrentCopies {
  /** Remembered copies by where they were put, and all of them oldest first. */
  private readonly arrivals = new Map<string, Arrival[]>()
  private readonly order: Arrival[] = []
  private doubles: Double[] = []
  /** Joined texts remembered: while there are any, text alone may be a double of one. */
  private joinedTexts = 0

  constructor(private readonly doc: Y.Doc) {
    doc.on('afterTransaction', this.follow)
  }

  /** Deletes the doubles found since the last call, in one transaction with `origin`. */
  removeDoubles(origin: TransactionOrigin): number {
    const doubles = this.doubles
    if (doubles.length === 0) return 0
    this.doubles = []
    let removed = 0
    Y.transact(
      this.doc,
      () => {
        for (const { arrival, typed } of doubles) {
          const { client, copy } = arrival
          if (copy.kind === 'block') {
            if (copy.item.deleted) continue
            if (typed) typed.into.insert(typed.at, typed.text)
            const parent = copy.item.parent as Y.XmlFragment
            parent.delete(indexOf(copy.item), 1)
          } else {
            // From the end, so that each index still holds.
            const { pieces } = piecesOf(copy.text, client, copy.from, copy.to)
            for (const { item, start, end, index } of pieces.reverse())
              if (!item.deleted && item.countable) copy.text.delete(index, end - start)
          }
          removed++
        }
      },
      origin,
    )
    return removed
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.follow)
    this.arrivals.clear()
    this.order.length = 0
    this.joinedTexts = 0
    this.doubles = []
  }

  private readonly follow = (transaction: Y.Transaction): void => {
    const from = (transaction.origin as TransactionOrigin | null)?.kind
    if (from !== 'connection' && from !== 'peer') return
    const now = Date.now()
    this.forget(now)
    if (this.joinedTexts === 0 && !changesBlockLists(transaction)) return
    const items = [...newItems(this.doc, transaction)]
    for (const item of items) {
      const block = newBlock(item, transaction)
      if (block) this.arrived({ ...block, at: now }, true)
    }
    const runs = newTextRuns(items, transaction)
    if (runs.length === 0) return
    const joined = deletedBlockTexts(transaction)
    for (const run of runs) {
      const first = run.items[0] as Y.Item
      const last = run.items.at(-1) as Y.Item
      const arrival: Arrival = {
        key: placeKey(first, last),
        content: run.content,
        client: first.id.client,
        copy: {
          kind: 'text',
          text: first.parent as Y.XmlText,
          from: first.id.clock,
          to: last.id.clock + last.length,
        },
        at: now,
      }
      // Only joined text is remembered; any text may turn out to be its double.
      this.arrived(arrival, joined.has(run.text))
    }
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
    if (arrival.copy.kind === 'text') this.joinedTexts++
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
      if (oldest.copy.kind === 'text') this.joinedTexts--
      const same = this.arrivals.get(oldest.key) as Arrival[]
      same.shift()
      if (same.length === 0) this.arrivals.delete(oldest.key)
    }
  }
}
