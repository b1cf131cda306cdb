import * as Y from 'yjs'

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
  let typed = 0
  for (let at: Y.Item | null = item; at; at = at.left as Y.Item | null) {
    const count = at === item ? before : at.length
    // Formatting (a bold run's start and end) is not text: it neither counts nor ends the run.
    if (!at.countable) continue
    if (at.deleted || at.id.client !== doc.clientID || !(at.content instanceof Y.ContentString))
      break
    typed += count
  }
  return typed
}
