import * as Y from 'yjs'

/**
 * Counts characters of this client's, walking from `chars` characters of `item` to the left
 * (or by `next`): text of theirs up to the first character someone else typed, or `ends` says
 * ends the run.
 * Formatting (a bold run's start and end) is not text: it neither counts nor ends the run.
 */
const ownRun = (
  doc: Y.Doc,
  item: Y.Item | null,
  chars: number,
  ends: (item: Y.Item) => boolean,
  skips: (item: Y.Item) => boolean = () => false,
  next: (item: Y.Item) => Y.Item | null = (at) => at.left as Y.Item | null,
): number => {
  let typed = 0
  for (let at = item; at; at = next(at)) {
    const count = at === item ? chars : at.length
    if (!at.countable || skips(at)) continue
    if (ends(at) || at.id.client !== doc.clientID || !(at.content instanceof Y.ContentString)) break
    typed += count
  }
  return typed
}

/**
 * How many characters directly before a Yjs position this person typed in one run: text of
 * this client's, with nothing deleted among it, up to the first character someone else typed
 * or that was deleted.
 *
 * When someone splits a block before the caret, their copy of its tail lacks the keys this
 * person typed that had not reached them; those keys stay where the tail was cut off, and the
 * caret with them. Looking past them shows that the text the caret was typed after is gone.
 */
export const ownKeysBefore = (doc: Y.Doc, position: Y.RelativePosition): number => {
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)
  if (!absolute) return 0
  // The item holding the character just before the position, and how much of it is before.
  let item = absolute.type._start
  let remaining = absolute.index
  let before = 0
  while (item && remaining > 0) {
    if (!item.deleted && item.countable) {
      if (remaining <= item.length) {
        before = remaining
        break
      }
      remaining -= item.length
    }
    item = item.right
  }
  if (remaining === 0) return 0
  return ownRun(doc, item, before, (at) => at.deleted)
}

/** The item holding the character just after a position, and how much of it is after. */
const itemAfter = (doc: Y.Doc, position: Y.RelativePosition): [Y.Item | null, number] => {
  if (!position.item) return [null, 0]
  const found = Y.getItem(doc.store, position.item)
  if (!(found instanceof Y.Item)) return [null, 0]
  const into = position.item.clock - found.id.clock + (position.assoc < 0 ? 1 : 0)
  if (into < found.length) return [found, found.length - into]
  const next = found.right as Y.Item | null
  return [next, next?.length ?? 0]
}

/**
 * How many characters directly before a Yjs position, as it was before `transaction`, this
 * person typed in one run and `transaction` deleted: when someone joins the block to the one
 * before it or makes it a list item, the block is deleted with the keys of this person's that
 * had not reached them, and a copy without those keys is inserted.
 *
 * Call it while `transaction`'s observers run: Yjs drops deleted text after them.
 */
export const ownKeysDeletedBefore = (
  doc: Y.Doc,
  position: Y.RelativePosition,
  transaction: Y.Transaction,
): number => {
  let item: Y.Item | null = null
  let before = 0
  if (position.item) {
    const found = Y.getItem(doc.store, position.item)
    if (!(found instanceof Y.Item)) return 0
    // The position is before its character (after it, when associated to the left).
    const into = position.item.clock - found.id.clock + (position.assoc < 0 ? 1 : 0)
    if (into > 0) {
      item = found
      before = into
    } else {
      item = found.left as Y.Item | null
      before = item?.length ?? 0
    }
  } else if (position.type && position.assoc >= 0) {
    // At the end of a text: its last item.
    const holder = Y.getItem(doc.store, position.type)
    if (!(holder instanceof Y.Item) || !(holder.content instanceof Y.ContentType)) return 0
    for (let at = holder.content.type._start; at; at = at.right as Y.Item | null) item = at
    before = item?.length ?? 0
  }
  return ownRun(
    doc,
    item,
    before,
    (at) => !at.deleted,
    // Deleted before the change: not in the text then.
    (at) => at.deleted && !Y.isDeleted(transaction.deleteSet, at.id),
  )
}

/**
 * How many characters directly after a Yjs position, as it was before `transaction`, this
 * person wrote in one run and `transaction` deleted: when they join the next block to theirs
 * while someone makes theirs a list item, the text the join brought in is theirs, in the old
 * block, and the other's copy does not have it.
 *
 * Call it while `transaction`'s observers run: Yjs drops deleted text after them.
 */
export const ownKeysDeletedAfter = (
  doc: Y.Doc,
  position: Y.RelativePosition,
  transaction: Y.Transaction,
): number => {
  const [item, after] = itemAfter(doc, position)
  return ownRun(
    doc,
    item,
    after,
    (at) => !at.deleted,
    (at) => at.deleted && !Y.isDeleted(transaction.deleteSet, at.id),
    (at) => at.right as Y.Item | null,
  )
}
