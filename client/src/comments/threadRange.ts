import type { CommentThread } from '@accord/protocol'
import { type AnchorPositions, decodeAnchor } from '@accord/schema'
import type { EditorState } from '@tiptap/pm/state'
import { rangeOfAnchor } from './anchors'

/** Decoded once per anchor object: ranges are asked for on every change of the text. */
const decoded = new WeakMap<CommentThread['anchor'], AnchorPositions | null>()

/**
 * Where a thread's words are now, or null when they were removed: then the panel says
 * "text removed". Never re-found by the quote: other words can read the same. When words
 * are moved or re-created (a clause move, a split, an undo) the server gives the thread a
 * new anchor, which arrives like any change to the thread.
 */
export const threadRange = (
  state: EditorState,
  thread: CommentThread,
): { from: number; to: number } | null => {
  let positions = decoded.get(thread.anchor)
  if (positions === undefined) {
    positions = decodeAnchor(thread.anchor) ?? null
    decoded.set(thread.anchor, positions)
  }
  return positions ? rangeOfAnchor(state, positions) : null
}
