import type { Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'

/** A stretch of the text, in ProseMirror positions, written by one person. */
export interface AuthorRun {
  from: number
  to: number
  /** The author of the stretch's spans (a user id). */
  author: string
}

/** From `fromClock` on (to the next span), a client id's text is `author`'s. */
export interface AuthorSpan {
  fromClock: number
  author: string
}

export interface RunOptions {
  /** A Yjs client id's spans by `fromClock` ascending, or undefined when not known (yet). */
  spansOf: (clientId: number) => readonly AuthorSpan[] | undefined
  /** Only text written after this state vector (a version's): "what changed since". */
  since?: ReadonlyMap<number, number>
  /** Told each client id `spansOf` did not know, once per call. */
  onUnknown?: (clientId: number) => void
}

/**
 * Counts ProseMirror positions over Yjs items as the Yjs binding builds the document (an
 * element opens and closes, a leaf takes one, text its length) and collects who wrote each
 * stretch, joining neighbouring stretches of one person. Text the server wrote, or whose
 * author is unknown, is left out.
 */
const runWalker = (schema: Schema, { spansOf, since, onUnknown }: RunOptions) => {
  const runs: AuthorRun[] = []
  const unknown = new Set<number>()
  // Text nobody's run covers since the last run ended: the next run of that person starts anew.
  let gap = false
  const push = (from: number, to: number, author: string | undefined) => {
    if (author === undefined) {
      gap = true
      return
    }
    const last = runs.at(-1)
    // Only element boundaries (or a leaf such as a line break) lie between: one stretch.
    if (last && last.author === author && !gap) last.to = to
    else runs.push({ from, to, author })
    gap = false
  }
  const text = (type: Y.XmlText, start: number): number => {
    let pos = start
    for (let item = type._start; item; item = item.right) {
      if (item.deleted || !item.countable) continue
      const { length } = item
      const after = since?.get(item.id.client) ?? 0
      // The part of the item written after `since` (items merge, so it may be a tail).
      const skip = Math.min(length, Math.max(0, after - item.id.clock))
      if (skip > 0) gap = true
      if (skip < length) {
        const { client, clock } = item.id
        const spans = spansOf(client)
        if (!spans) {
          push(pos + skip, pos + length, undefined)
          if (!unknown.has(client)) {
            unknown.add(client)
            onUnknown?.(client)
          }
        } else {
          // Split the item where another person's span of its client id begins.
          for (let offset = skip; offset < length; ) {
            const at = clock + offset
            let span: AuthorSpan | undefined
            let next = Number.POSITIVE_INFINITY
            for (const candidate of spans) {
              if (candidate.fromClock <= at) span = candidate
              else {
                next = candidate.fromClock
                break
              }
            }
            const end = Math.min(length, next - clock)
            // Text from before the first span was written before anyone recorded it.
            push(pos + offset, pos + end, span?.author)
            offset = end
          }
        }
      }
      pos += length
    }
    return pos
  }
  /** An element's runs from `start` (its opening position); returns the position after it. */
  const element = (child: Y.XmlElement, start: number): number => {
    const nodeType = schema.nodes[child.nodeName]
    // The binding leaves out what the schema does not know (the server refuses it anyway).
    if (!nodeType) return start
    return nodeType.isLeaf ? start + 1 : children(child, start + 1) + 1
  }
  const children = (type: Y.XmlFragment | Y.XmlElement, start: number): number => {
    let pos = start
    for (const child of type.toArray()) {
      if (child instanceof Y.XmlText) pos = text(child, pos)
      else if (child instanceof Y.XmlElement) pos = element(child, pos)
    }
    return pos
  }
  return { runs, element, children }
}

/**
 * Who wrote each stretch of the text: walks the Y.XmlFragment the editor is bound to, item
 * by item (each keeps the client id of the tab that wrote it), counting ProseMirror
 * positions as the Yjs binding builds the document, and joins neighbouring stretches of one
 * person. Text the server wrote, or whose author is unknown, is left out. Costs one pass
 * over the items.
 */
export const authorRuns = (
  fragment: Y.XmlFragment,
  schema: Schema,
  options: RunOptions,
): AuthorRun[] => {
  const walker = runWalker(schema, options)
  walker.children(fragment, 0)
  return walker.runs
}

/** Top-level blocks by index, [from, to), the first one opening at ProseMirror position `pos`. */
export interface BlockRange {
  from: number
  to: number
  pos: number
}

/**
 * `authorRuns` of some top-level blocks only (a change's), costing those blocks' items. The
 * runs are joined within the blocks, not with their neighbours'. Null when the fragment's top
 * level holds text, which the block indices of the editor cannot name; `end` is the position
 * after the last block, for the caller to check against the editor's.
 */
export const blockAuthorRuns = (
  fragment: Y.XmlFragment,
  schema: Schema,
  options: RunOptions,
  blocks: BlockRange,
): { runs: AuthorRun[]; end: number } | null => {
  const walker = runWalker(schema, options)
  let index = 0
  let pos = blocks.pos
  for (let item = fragment._start; item && index < blocks.to; item = item.right) {
    if (item.deleted || !item.countable) continue
    const child = (item.content as Y.ContentType).type
    if (!(child instanceof Y.XmlElement)) return null
    // As the binding does: an element the schema does not know has no block of its own.
    if (!schema.nodes[child.nodeName]) continue
    if (index >= blocks.from) pos = walker.element(child, pos)
    index++
  }
  return { runs: walker.runs, end: pos }
}
