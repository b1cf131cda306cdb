import type { Node } from '@tiptap/pm/model'

/** How much of the text before the caret identifies its place. */
const CONTEXT = 48
/** Shorter contexts match too much. */
const MIN_CONTEXT = 8
/** A short block's whole text tells it apart sooner than part of a longer one does. */
const MIN_WHOLE_BLOCK = 3
/**
 * The last keys this person typed may not have reached whoever copied the text (a join, a
 * split, a block made a list item): they are not in the copy, so the context may end short.
 * On a slow connection a fast typist has a few words on their way.
 */
const MAY_BE_MISSING = CONTEXT - MIN_CONTEXT
/** Where to look, around the caret's old position: a moved block far away is the binding's case. */
const NEARBY = 400

/** A text block's inline content, one character per position (a leaf node counts one). */
const inlineText = (block: Node): string =>
  block.textBetween(0, block.content.size, undefined, '\ufffc')

/** The few characters before a caret, in its block: enough to tell it is still after its text. */
const BEFORE_CARET = 4
/** How many characters others may have typed among those since. */
const TYPED_AMONG = 32

/** The text of `pos`'s block from `from` to `to` characters from `pos` (negative: before it). */
const textAround = (doc: Node, pos: number, from: number, to: number): string | null => {
  const $pos = doc.resolve(pos)
  if (!$pos.parent.isTextblock) return null
  const offset = $pos.parentOffset
  const end = Math.min($pos.parent.content.size, offset + to)
  return $pos.parent.textBetween(Math.max(0, offset + from), end, undefined, '\ufffc')
}

const textBefore = (doc: Node, pos: number, length: number) => textAround(doc, pos, -length, 0)
const textAfter = (doc: Node, pos: number, length: number) => textAround(doc, pos, 0, length)

const isSubsequence = (short: string, long: string): boolean => {
  let at = 0
  for (const char of long) if (char === short[at]) at++
  return at === short.length
}

/**
 * Is a caret at `afterPos` in `after` still after the characters it was after at `pos` in
 * `before`? Others may have typed among them (a word typed at the same place lands before
 * or after this person's), but none may be gone: then the text was deleted or copied away.
 */
export const stillAfterItsText = (
  before: Node,
  pos: number,
  after: Node,
  afterPos: number,
): boolean => {
  const then = textBefore(before, pos, BEFORE_CARET)
  const now = textBefore(after, afterPos, BEFORE_CARET + TYPED_AMONG)
  return then !== null && now !== null && isSubsequence(then, now)
}

/** How many characters on each side of the copy's caret tell where some text went. */
const COPY_CONTEXT = 8

/**
 * How many of the characters just before `pos` in `before` the copy of its text in `after`
 * lacks, the copy's caret at `found`: the fewest, up to `most`, after which the text before
 * `pos` ends as the copy's does before `found` (its block's text, at a block's start), the
 * text after both being the same. Null when it never does, or there is too little text
 * around the caret to tell.
 */
export const missingFromCopy = (
  before: Node,
  pos: number,
  after: Node,
  found: number,
  most: number,
): number | null => {
  const copy = textBefore(after, found, COPY_CONTEXT)
  const following = textAfter(after, found, COPY_CONTEXT)
  if (copy === null || following === null || textAfter(before, pos, COPY_CONTEXT) !== following)
    return null
  const offset = before.resolve(pos).parentOffset
  for (let missing = 0; missing <= Math.min(most, offset); missing++) {
    const then = textBefore(before, pos - missing, COPY_CONTEXT) ?? ''
    if (then.length + following.length >= BEFORE_CARET && copy.endsWith(then)) return missing
  }
  return null
}

const occurrences = (text: string, context: string): number[] => {
  const found: number[] = []
  for (let at = text.indexOf(context); at >= 0; at = text.indexOf(context, at + 1)) found.push(at)
  return found
}

/**
 * Where a caret at `pos` in `before` belongs in `after`, found by the text around it: after
 * the longest run of the characters before it that is there (some of the last may be
 * missing), in a text block near its old position, the nearest if there are several; null
 * when none of at least MIN_CONTEXT characters is (or, in a short block, its whole text).
 */
const caretByContext = (before: Node, pos: number, after: Node): number | null => {
  const $pos = before.resolve(pos)
  if (!$pos.parent.isTextblock) return null
  const text = inlineText($pos.parent)
  const offset = $pos.parentOffset
  const lead = text.slice(Math.max(0, offset - CONTEXT), offset)
  const blocks: { start: number; text: string }[] = []
  after.nodesBetween(
    Math.max(0, pos - NEARBY),
    Math.min(after.content.size, pos + NEARBY),
    (node, at) => {
      if (!node.isTextblock) return true
      blocks.push({ start: at + 1, text: inlineText(node) })
      return false
    },
  )
  /** The candidate nearest the caret's old position. */
  const closest = (candidates: number[]): number | null =>
    candidates.reduce<number | null>(
      (best, candidate) =>
        best === null || Math.abs(candidate - pos) < Math.abs(best - pos) ? candidate : best,
      null,
    )
  /** The nearest place where `context` occurs, `into` characters into it. */
  const nearest = (context: string, into: number) =>
    closest(
      blocks.flatMap((block) =>
        occurrences(block.text, context).map((at) => block.start + at + into),
      ),
    )
  /** The nearest text block that holds just `whole`, `into` characters into it. */
  const nearestWhole = (whole: string, into: number) =>
    closest(blocks.filter((block) => block.text === whole).map((block) => block.start + into))
  if (lead.length >= MIN_CONTEXT) {
    // The longest context first; a copy may lack the last keys, so it may end short.
    for (let length = lead.length; length >= MIN_CONTEXT; length--) {
      for (let missing = 0; missing <= Math.min(MAY_BE_MISSING, lead.length - length); missing++) {
        const context = lead.slice(lead.length - missing - length, lead.length - missing)
        const found = nearest(context, context.length)
        if (found !== null) return found
      }
    }
  }
  // Near the block's start, or when the keys the copy never had leave too little before them:
  // what is before the caret and what follows it, less any of those last keys.
  const following = text.slice(offset, offset + CONTEXT)
  const toBlockEnd = offset + following.length === text.length
  for (let missing = 0; missing <= Math.min(lead.length, MAY_BE_MISSING); missing++) {
    const context = lead.slice(0, lead.length - missing) + following
    const found =
      context.length >= MIN_CONTEXT
        ? nearest(context, lead.length - missing)
        : toBlockEnd && context.length >= MIN_WHOLE_BLOCK
          ? nearestWhole(context, lead.length - missing)
          : null
    if (found !== null) return found
  }
  return null
}

/**
 * Where a caret at `pos` in `before` belongs in `after`, when someone else's change re-created
 * the text around it rather than kept it: y-prosemirror writes a join of two blocks, a split
 * and a block made a list item as the old block (or the split-off tail) deleted and a copy of
 * its text inserted, so the Yjs position the caret was tied to is gone.
 *
 * The two documents are compared from both ends. A caret in what is the same up to the end
 * keeps its distance from the end (a join, a split before it: the copy ends as its text did,
 * less any last keys the copy never had); one before the change stays. A caret inside what
 * changed (a block wrapped in a list) is found by the text before it. Null when neither says.
 */
export const caretInCopiedText = (before: Node, pos: number, after: Node): number | null => {
  const start = before.content.findDiffStart(after.content)
  if (start === null || pos <= start) return pos <= after.content.size ? pos : null
  const end = before.content.findDiffEnd(after.content)
  if (!end) return null
  // The common ends may overlap where the text repeats: the start wins.
  const overlap = start - Math.min(end.a, end.b)
  const endBefore = end.a + Math.max(0, overlap)
  const endAfter = end.b + Math.max(0, overlap)
  if (pos >= endBefore) return pos - endBefore + endAfter
  return caretByContext(before, pos, after)
}
