import type { Node as PMNode } from '@tiptap/pm/model'
import { Mapping, StepMap } from '@tiptap/pm/transform'

/** Where two documents differ: [start, endA) in the old one became [start, endB) in the new one. */
export interface ChangedRange {
  start: number
  endA: number
  endB: number
}

/**
 * The one range that differs between two versions of a document, or null when they are
 * equal. Found by comparing the trees, not the transaction's steps: the Yjs binding replaces
 * the whole document for every remote change, so its steps say nothing about what changed.
 * Unchanged nodes are shared between versions, so this costs the number of top-level
 * blocks plus the size of the changed ones.
 */
export const changedRange = (before: PMNode, after: PMNode): ChangedRange | null => {
  const start = before.content.findDiffStart(after.content)
  if (start === null) return null
  const end = before.content.findDiffEnd(after.content)
  if (!end) return null
  let { a: endA, b: endB } = end
  // Repeated content can make both scans overlap ("aa" → "aaa"); push the end back out.
  const overlap = start - Math.min(endA, endB)
  if (overlap > 0) {
    endA += overlap
    endB += overlap
  }
  return { start, endA, endB }
}

/** The position mapping of a changed range (for `DecorationSet.map`). */
export const rangeMapping = ({ start, endA, endB }: ChangedRange): Mapping =>
  new Mapping([new StepMap([start, endA - start, endB - start])])

/**
 * The textblock (paragraph, heading…) that a change lies wholly inside, in the new document,
 * or null when it crosses or adds or removes a block boundary: typing, here or remotely,
 * changes one textblock's text and nothing of the structure around it.
 */
export const changedTextblock = (
  before: PMNode,
  after: PMNode,
  { start, endA, endB }: ChangedRange,
): PMNode | null => {
  const $start = before.resolve(start)
  const $startAfter = after.resolve(start)
  if (!$start.parent.isTextblock || !$start.sameParent(before.resolve(endA))) return null
  if (!$startAfter.sameParent(after.resolve(endB))) return null
  return $startAfter.parent.type === $start.parent.type ? $startAfter.parent : null
}

/**
 * Where the change may begin at the earliest, in the text before (`a`) and after (`b`).
 * `changedRange` gives the latest of the readings repeated content allows (a paragraph
 * pasted above an equal one reads as added below it; "a" typed before an "a" as after it),
 * while Yjs items, and what is anchored to them, may be any of the equal ones. Every reading
 * ends where the common tail begins or later, so with the change's lengths they start here.
 */
export const earliestChange = (
  before: PMNode,
  after: PMNode,
  range: ChangedRange,
): { a: number; b: number } => {
  const tail = before.content.findDiffEnd(after.content)
  const from = (tailEnd: number | undefined, end: number) =>
    Math.max(0, Math.min(range.start, (tailEnd ?? end) - (end - range.start)))
  return { a: from(tail?.a, range.endA), b: from(tail?.b, range.endB) }
}
