import type { Node, Slice } from '@tiptap/pm/model'
import type { EditorView } from '@tiptap/pm/view'
import { missingFromCopy } from './caretInCopiedText'

/** The keys of this person's that someone's copy of their text left out. */
export interface LeftOut {
  /** What they typed, with its marks. */
  slice: Slice
  /** Where they still are (left behind by a split); null when the change deleted them. */
  left: { from: number; to: number } | null
}

/**
 * Which of this person's last keys a copy of their text left out, when their caret (at `pos`
 * in `before`) moved into the copy (at `found` in `after`). y-prosemirror writes a join, a
 * split and a block made a list item as the old text deleted and a copy inserted: the keys
 * this person typed that had not yet reached the one who made the change are not in the copy.
 * A split leaves them behind (`stranded`: that many characters of theirs before `at` in
 * `after`); a join or a list deletes them (`deleted`: how many of theirs, just before the
 * caret, the change deleted). Only this person's keys count: anyone else's are theirs to type
 * again. Null when none was left out, or it cannot be told which.
 */
export const keysLeftOut = (
  before: Node,
  pos: number,
  after: Node,
  found: number,
  stranded: { at: number; count: number } | null,
  deleted: number,
): LeftOut | null => {
  if (stranded && stranded.count > 0) {
    const from = stranded.at - stranded.count
    // Left behind: the copy ends as the text before them did, in another block.
    if (after.resolve(found).start() === after.resolve(from).start()) return null
    if (missingFromCopy(before, pos, after, found, stranded.count) !== stranded.count) return null
    return { slice: after.slice(from, stranded.at), left: { from, to: stranded.at } }
  }
  if (deleted <= 0) return null
  const missing = missingFromCopy(before, pos, after, found, deleted)
  return missing ? { slice: before.slice(pos - missing, pos), left: null } : null
}

/**
 * Types the keys a copy left out again at the caret, as this person's own change (moving
 * them, when a split left them behind), so that no key they pressed is lost.
 */
export const typeAgain = (view: EditorView, keys: LeftOut): void => {
  const tr = view.state.tr
  if (keys.left) tr.delete(keys.left.from, keys.left.to)
  const at = tr.mapping.map(view.state.selection.head)
  view.dispatch(tr.replace(at, at, keys.slice).scrollIntoView())
}
