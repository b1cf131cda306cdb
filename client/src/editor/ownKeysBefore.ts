import * as Y from 'yjs'

/**
 * Counts characters of this client's, walking left from `chars` characters into `item`: text
 * of theirs up to the first character someone else typed, or `ends` says ends the run.
 * Formatting (a bold run's start and end) is not text: it neither counts nor ends the run.
 */
const ownRunLeftOf = (
  doc: Y.Doc,
  item: Y.Item | null,
  chars: number,
  ends: (item: Y.Item) => boolean,
  skips: (item: Y.Item) => boolean = () => false,
): number => {
  let typed = 0
  for (let at = item; at; at = at.left as Y.Item | null) {
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
  return ownRunLeftOf(doc, item, before, (at) => at.deleted)
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
  return ownRunLeftOf(
    doc,
    item,
    before,
    (at) => !at.deleted,
    // Deleted before the change: not in the text then.
    (at) => at.deleted && !Y.isDeleted(transaction.deleteSet, at.id),
  )
}
