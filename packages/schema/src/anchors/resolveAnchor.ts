import type * as Y from 'yjs'
import { BODY_FRAGMENT } from '../fragment.js'
import type { AnchorPositions } from './anchorCodec.js'
import { type AnchorPoint, pathOf, placeOf, pointOf } from './anchorPoints.js'
import { hasWords, textBetween } from './textBetween.js'
import { type AnyType, LIVE, type Visibility } from './visibility.js'

/** Where a comment's words are. */
export type AnchorState =
  /** On `text`, from `from` to `to`. */
  | { kind: 'anchored'; from: AnchorPoint; to: AnchorPoint; text: string }
  /** Its words were deleted: the thread shows "text removed". */
  | { kind: 'removed' }
  /** It names something this document's body never had. */
  | { kind: 'unknown' }

/**
 * The one rule, on the client and the server alike: a comment is on its words while its two
 * Yjs relative positions resolve into the live body (neither end inside a deleted paragraph,
 * clause or other container) with some text between them. Otherwise its words were removed;
 * it is never re-found elsewhere by its quote, which could be other words that read the same
 * (in another paragraph, or in a heading). Words that are moved or re-created (a clause move,
 * a split, an undo) get a new anchor from the server, which sees the change happen.
 */
export const resolveAnchor = (
  doc: Y.Doc,
  positions: AnchorPositions,
  visible: Visibility = LIVE,
): AnchorState => {
  const body = doc.share.get(BODY_FRAGMENT)
  const from = pointOf(doc, positions.start, visible)
  const to = pointOf(doc, positions.end, visible)
  if (!body || from === 'unknown' || to === 'unknown') return { kind: 'unknown' }
  if (from === 'gone' || to === 'gone') return { kind: 'removed' }
  const places = [placeOf(from.type, body, visible), placeOf(to.type, body, visible)]
  if (places.includes('elsewhere')) return { kind: 'unknown' }
  if (places.includes('removed')) return { kind: 'removed' }
  const text = textOfAnchor(body, from, to, visible)
  return hasWords(text) ? { kind: 'anchored', from, to, text } : { kind: 'removed' }
}

/** The text between two points of the body; within one text, without walking the body. */
const textOfAnchor = (
  body: AnyType,
  from: AnchorPoint,
  to: AnchorPoint,
  visible: Visibility,
): string => {
  if (from.type === to.type) return textBetween(from.type, [from.index], [to.index], visible)
  const fromPath = pathOf(from, body, visible)
  const toPath = pathOf(to, body, visible)
  return fromPath && toPath ? textBetween(body, fromPath, toPath, visible) : ''
}
