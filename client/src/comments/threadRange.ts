import type { CommentThread } from '@accord/protocol'
import {
  type AnchorPositions,
  type ChangedRange,
  changedRange,
  decodeAnchor,
  earliestChange,
} from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { rangeOfAnchor } from './anchors'

type Anchor = CommentThread['anchor']
type Range = { from: number; to: number }

/** Decoded once per anchor object: ranges are asked for on every change of the text. */
const decoded = new WeakMap<Anchor, AnchorPositions | null>()

/** The ranges found in one version of an editor's text, and how it differs from the one before. */
interface Found {
  doc: PMNode
  ranges: WeakMap<Anchor, Range | null>
  previous?: { ranges: WeakMap<Anchor, Range | null>; change: ChangedRange | null }
}

/** Per Yjs binding (its fragment): the ranges found in the last text asked about. */
const found = new WeakMap<object, Found>()

/**
 * A range found before a change, where it is after it, or undefined when the change comes
 * near it (its two ends are Yjs positions of the characters at or after them, so only a
 * change well clear of both leaves them as they were, shifted).
 */
export const carriedRange = (range: Range, change: ChangedRange | null): Range | undefined => {
  if (!change || range.to < change.start - 1) return range
  if (range.from <= change.endA + 1) return undefined
  const shift = change.endB - change.endA
  return { from: range.from + shift, to: range.to + shift }
}

/**
 * How the text changed, starting from the earliest place it may have: where content repeats
 * (a paragraph pasted above an equal one) the anchors may sit on either copy, so a range on
 * any of them is found again rather than carried.
 */
export const widenedChange = (before: PMNode, after: PMNode): ChangedRange | null => {
  const change = changedRange(before, after)
  return change && { ...change, start: earliestChange(before, after, change).a }
}

const resolve = (state: EditorState, anchor: Anchor): Range | null => {
  let positions = decoded.get(anchor)
  if (positions === undefined) {
    positions = decodeAnchor(anchor) ?? null
    decoded.set(anchor, positions)
  }
  return positions ? rangeOfAnchor(state, positions) : null
}

/**
 * Where a thread's words are now, or null when they were removed: then the panel says
 * "text removed". Never re-found by the quote: other words can read the same. When words
 * are moved or re-created (a clause move, a split, an undo) the server gives the thread a
 * new anchor, which arrives like any change to the thread.
 *
 * The highlights, the margin and the list ask for every thread after each change; each
 * version of the text resolves an anchor once, and a range the change did not come near is
 * carried over from the version before, so typing costs the threads near the change.
 */
export const threadRange = (state: EditorState, thread: CommentThread): Range | null => {
  const fragment = (ySyncPluginKey.getState(state) as { type?: object } | undefined)?.type
  if (!fragment) return resolve(state, thread.anchor)
  let here = found.get(fragment)
  if (here?.doc !== state.doc) {
    here = {
      doc: state.doc,
      ranges: new WeakMap(),
      previous: here && { ranges: here.ranges, change: widenedChange(here.doc, state.doc) },
    }
    found.set(fragment, here)
  }
  const known = here.ranges.get(thread.anchor)
  if (known !== undefined) return known
  const before = here.previous?.ranges.get(thread.anchor)
  const range =
    (before && here.previous && carriedRange(before, here.previous.change)) ??
    resolve(state, thread.anchor)
  here.ranges.set(thread.anchor, range)
  return range
}
