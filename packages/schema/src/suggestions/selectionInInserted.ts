import { TextSelection, type Transaction } from '@tiptap/pm/state'

/**
 * Where `pos` of the person's transaction lies in the rewritten one, when it lies inside a
 * node that transaction inserted (a new footnote, a new table): the same offset inside the
 * same node, which the rewriting inserted too. Null anywhere else.
 */
const placeInInserted = (original: Transaction, suggested: Transaction, pos: number) => {
  const $pos = original.doc.resolve(pos)
  const back = original.mapping.invert()
  for (let depth = 1; depth <= $pos.depth; depth++) {
    const start = $pos.before(depth)
    // Its inside did not exist before: the outermost node the transaction inserted.
    if (!back.mapResult(start + 1).deleted) continue
    const node = $pos.node(depth)
    const from = suggested.mapping.map(back.map(start, -1), -1)
    const to = suggested.mapping.map(back.map(start + node.nodeSize, 1), 1)
    let found: number | null = null
    suggested.doc.nodesBetween(from, to, (candidate, at) => {
      if (found !== null) return false
      const same =
        at >= from &&
        candidate.type === node.type &&
        candidate.nodeSize === node.nodeSize &&
        candidate.textContent === node.textContent
      if (same) found = at
      return !same
    })
    return found === null ? null : found + (pos - start)
  }
  return null
}

/**
 * Puts the cursor where the person's command put it when that is inside something it
 * inserted: a new footnote's selected space, a new table's first cell. The suggest-changes
 * library maps the selection back to the text before the change and forward through its
 * rewriting, which moves a selection inside new content to its edge: a footnote's space then
 * stayed, and the words typed next went after it (or out of the footnote).
 */
export const keepSelectionInInserted = (original: Transaction, suggested: Transaction): void => {
  const selection = original.selection
  if (!original.selectionSet || !(selection instanceof TextSelection)) return
  const anchor = placeInInserted(original, suggested, selection.anchor)
  const head = placeInInserted(original, suggested, selection.head)
  if (anchor === null || head === null) return
  const doc = suggested.doc
  if (!doc.resolve(anchor).parent.inlineContent || !doc.resolve(head).parent.inlineContent) return
  suggested.setSelection(TextSelection.create(doc, anchor, head))
}
