import { BLOCK_SUGGESTION_ATTR, isInsertedIn, LIVE, textOf } from '@accord/schema'
import * as Y from 'yjs'
import { type Arrival, type DeletedBlock, idKey, isJoinedText } from './arrivals.js'
import { onlyText } from './copiesNow.js'

/**
 * A block a transaction replaced with a copy of itself (a paragraph made a list item): the
 * block, its text, the copy's text and what it held as it arrived.
 */
interface Move {
  block: Y.Item
  from: Y.XmlText
  to: Y.XmlText
  text: string
  client: number
  at: number
}

/** A deleted block a copy may be of; with `mend`, one a join or split by `client` came first to. */
interface ExpectedCopy {
  replaced: DeletedBlock
  mend?: { client: number; fix: (to: Y.XmlText) => TextFix }
}

/** A change to a copy's text: what a concurrent join or split meant for the block it replaced. */
export type TextFix =
  | { text: Y.XmlText; at: number; insert: string }
  | { text: Y.XmlText; at: number; remove: string }

/** A new paragraph's text this short could be typed at once, not a split's tail. */
const MIN_TAIL = 3

const parentItem = (item: Y.Item): Y.Item | null => (item.parent as Y.AbstractType<unknown>)._item

/**
 * Is a split's tail a suggested block (someone in review)? Taking the tail out of the copy
 * would be a direct edit, and rejecting the suggestion would then lose the text: left.
 */
const suggested = (block: Y.Item): boolean =>
  ((block.content as Y.ContentType).type as Y.XmlElement).getAttribute(BLOCK_SUGGESTION_ATTR) !=
  null

/**
 * Does an item start formatting (bold, a suggestion's marks)? Joined text carrying it is not
 * written again as plain text (see `Arrival`); an item that ends formatting (its value null)
 * leaves the text after it plain.
 */
const startsFormatting = ({ content }: Y.Item): boolean =>
  content instanceof Y.ContentFormat && content.value !== null

/**
 * Is nothing but formatting (the end of a bold run, say) and what `transaction` wrote after
 * an item in its text? Deleted text counts: it is what the writer saw.
 */
const endsText = (item: Y.Item, transaction: Y.Transaction): boolean => {
  for (let right = item.right; right; right = right.right)
    if (right.countable && !isInsertedIn(transaction, right.id)) return false
  return true
}

/**
 * Text a transaction wrote at the end of a text that was already deleted, so that it arrived
 * deleted: what a join writes into a paragraph someone else has just replaced.
 */
const writtenIntoDeleted = (
  items: readonly Y.Item[],
  transaction: Y.Transaction,
  moves: ReadonlyMap<string, Move>,
): { move: Move; text: string }[] => {
  const runs: { move: Move; text: string; last: Y.Item; formatted: boolean }[] = []
  for (const item of items) {
    const { parent } = item
    if (!item.deleted || !(parent instanceof Y.XmlText) || !parent._item) continue
    const move = moves.get(idKey(parent._item.id))
    if (!move || isInsertedIn(transaction, parent._item.id)) continue
    let run = runs.at(-1)
    if (run?.move !== move) {
      run = { move, text: '', last: item, formatted: false }
      runs.push(run)
    }
    if (item.content instanceof Y.ContentString) run.text += item.content.str
    else if (startsFormatting(item)) run.formatted = true
    run.last = item
  }
  // A join writes at the end of the block as its writer saw it. Joined text with formatting
  // is left (`startsFormatting`).
  return runs.filter(({ last, formatted }) => endsText(last, transaction) && !formatted)
}

/** The copy's text still begins with what it held as it arrived (typing after it is fine). */
const copyHolds = (move: Move): boolean =>
  !move.to._item?.deleted && textOf(move.to, LIVE).startsWith(move.text)

/**
 * Blocks replaced by a copy of themselves, and what a concurrent join or split of the same
 * block means for the copy. Yjs has no move: a paragraph made a list item is deleted and a
 * copy inserted. A join into it at the same moment writes into the deleted paragraph, and is
 * lost; a split of it at the same moment moves a tail out of the deleted paragraph into a new
 * one, and the copy still holds it, so it is there twice. Whichever comes first, the copy gets
 * the joined text (after what it held as it arrived) or loses the tail. Joined text with
 * formatting, and a suggested tail (someone in review), are left as Yjs has them: mending
 * them would turn a suggestion into a direct edit.
 *
 * Only the instance whose own client joined or split (`local`) mends the copy, whichever
 * change came first, so that of several instances exactly one does.
 */
export class Moves {
  /** By the replaced block's text id, oldest first. */
  private readonly moves = new Map<string, Move>()
  /**
   * Blocks and texts replaced in the transaction being followed, by id, that Yjs must not
   * collect at its end: text written into a collected one arrives without its characters, so
   * a lost join could not be put back. Kept deleted, they cost their ids, not their text.
   */
  private readonly uncollected = new Set<string>()
  private fixes: TextFix[] = []

  /** For the document's `gcFilter`. */
  mayCollect(item: Y.Item): boolean {
    return this.uncollected.size === 0 || !this.uncollected.has(idKey(item.id))
  }

  /** Called first for every transaction: collecting happens at the end of the one that deleted. */
  nextTransaction(): void {
    this.uncollected.clear()
  }

  /** The fixes found since the last call. */
  takeFixes(): TextFix[] {
    const fixes = this.fixes
    this.fixes = []
    return fixes
  }

  /**
   * A transaction's new blocks: copies of blocks it deleted (moves), or the tails of splits of
   * blocks moved before. `remembered` are the copies remembered, to find a join or split that
   * came before a move. Costs a lookup per new block, whatever the transaction deleted.
   */
  arrived(
    blocks: readonly Arrival[],
    deleted: readonly DeletedBlock[],
    remembered: readonly Arrival[],
  ): void {
    const copies = blocks.flatMap((block) =>
      block.copy.kind === 'block' && block.copy.text !== null
        ? [{ block, item: block.copy.item, text: block.copy.text }]
        : [],
    )
    if (copies.length === 0) return
    for (const { block, text } of copies) if (block.local) this.splitAfterMove(block, text)
    const expected = this.expectedCopies(deleted, remembered)
    for (const { block, item, text } of copies) {
      for (const { replaced, mend } of expected.get(text) ?? []) {
        const to = onlyText(item) as Y.XmlText
        if (mend) {
          if (mend.client !== block.client) this.fixes.push(mend.fix(to))
          continue
        }
        const from = replaced.texts[0] as Y.XmlText
        this.moves.set(idKey(from._item?.id), {
          block: replaced.item,
          from,
          to,
          text,
          client: block.client,
          at: block.at,
        })
        // The text and the blocks around it the transaction deleted (collecting a block
        // collects what it holds).
        for (let at: Y.Item | null = from._item; at?.deleted; at = parentItem(at))
          this.uncollected.add(idKey(at.id))
      }
    }
  }

  /** A transaction's new items: a join into a moved block arrives deleted. */
  written(
    items: readonly Y.Item[],
    transaction: Y.Transaction,
    deleted: () => readonly DeletedBlock[],
    local: boolean,
  ): void {
    if (!local || this.moves.size === 0) return
    for (const { move, text } of writtenIntoDeleted(items, transaction, this.moves)) {
      if (isJoinedText(text, deleted()) && copyHolds(move))
        this.fixes.push({ text: move.to, at: move.text.length, insert: text })
    }
  }

  /** Forgets moves older than `maxAge`, and the oldest beyond `max`. */
  forget(now: number, maxAge: number, max: number): void {
    for (const [key, move] of this.moves) {
      if (this.moves.size <= max && now - move.at < maxAge) break
      this.moves.delete(key)
    }
  }

  clear(): void {
    this.moves.clear()
    this.uncollected.clear()
    this.fixes = []
  }

  /** The tail of a split, put after a block moved before: the copy loses that tail. */
  private splitAfterMove(tail: Arrival, text: string): void {
    if (this.moves.size === 0 || tail.copy.kind !== 'block' || !tail.copy.item.origin) return
    if (suggested(tail.copy.item)) return
    const after = tail.copy.item.origin
    for (const move of this.moves.values()) {
      if (!Y.compareIDs(move.block.id, after) || move.client === tail.client) continue
      if (text.length < MIN_TAIL) continue
      if (move.text.endsWith(text) && text.length < move.text.length && copyHolds(move))
        this.fixes.push({ text: move.to, at: move.text.length - text.length, remove: text })
    }
  }

  /**
   * The deleted blocks of one text, by the text a copy of each would hold: the same text (a
   * move), or, when a join into it or a split of it (by `client`, of this instance) came first,
   * the text without the join or with the split's tail, and the fix that mends that copy.
   */
  private expectedCopies(
    deleted: readonly DeletedBlock[],
    remembered: readonly Arrival[],
  ): Map<string, ExpectedCopy[]> {
    const expected = new Map<string, ExpectedCopy[]>()
    const expect = (text: string, copy: ExpectedCopy) => {
      const list = expected.get(text)
      if (list) list.push(copy)
      else expected.set(text, [copy])
    }
    const byText = new Map<Y.XmlText, DeletedBlock>()
    const byId = new Map<string, DeletedBlock>()
    for (const replaced of deleted) {
      const [from] = replaced.texts
      if (replaced.texts.length !== 1 || !from?._item) continue
      expect(replaced.text, { replaced })
      byText.set(from, replaced)
      byId.set(idKey(replaced.item.id), replaced)
    }
    if (byText.size === 0) return expected
    for (const { client, copy, local } of remembered) {
      if (!local) continue
      if (copy.kind === 'text') {
        const replaced = byText.get(copy.text)
        const { plain } = copy
        if (plain === null || !replaced?.text.endsWith(plain)) continue
        const rest = replaced.text.slice(0, replaced.text.length - plain.length)
        expect(rest, {
          replaced,
          mend: { client, fix: (to) => ({ text: to, at: rest.length, insert: plain }) },
        })
      } else if (copy.text !== null && copy.item.origin && !copy.item.deleted) {
        const replaced = byId.get(idKey(copy.item.origin))
        const tail = copy.text
        if (!replaced || suggested(copy.item)) continue
        expect(replaced.text + tail, {
          replaced,
          mend: { client, fix: (to) => ({ text: to, at: replaced.text.length, remove: tail }) },
        })
      }
    }
    return expected
  }
}
