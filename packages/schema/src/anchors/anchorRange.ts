import type { JSONContent } from '@tiptap/core'
import { initProseMirrorDoc, relativePositionToAbsolutePosition } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { documentSchema } from '../documentSchema.js'
import { BODY_FRAGMENT } from '../fragment.js'
import { type AnchorPositions, decodeAnchor, type EncodedAnchor } from './anchorCodec.js'
import type { AnchorPoint } from './anchorPoints.js'
import { resolveAnchor } from './resolveAnchor.js'

/** How a Yjs binding ties the body's types to ProseMirror nodes. */
export type BodyMapping = Parameters<typeof relativePositionToAbsolutePosition>[3]

/** A comment's words as ProseMirror positions: `[from, to)`, over any number of blocks. */
export interface AnchorRange {
  from: number
  to: number
}

/**
 * Where an anchor's words are in the ProseMirror text that `mapping` binds to `fragment`, by
 * the rule every copy applies (`resolveAnchor`); null when they were removed (or the anchor
 * names nothing here).
 */
export const rangeOfAnchorIn = (
  doc: Y.Doc,
  fragment: Y.XmlFragment,
  mapping: BodyMapping,
  positions: AnchorPositions,
): AnchorRange | null => {
  const found = resolveAnchor(doc, positions)
  if (found.kind !== 'anchored') return null
  const at = (point: AnchorPoint) =>
    relativePositionToAbsolutePosition(
      doc,
      fragment,
      Y.createRelativePositionFromTypeIndex(point.type, point.index),
      mapping,
    )
  const from = at(found.from)
  const to = at(found.to)
  return from === null || to === null || to <= from ? null : { from, to }
}

/**
 * The body as ProseMirror JSON and where each anchor's words are in it (null: removed), read
 * at once, so the positions are those of this very text.
 */
const bodyWithAnchorRanges = (
  doc: Y.Doc,
  anchors: readonly EncodedAnchor[],
): { content: JSONContent; ranges: (AnchorRange | null)[] } => {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT)
  const { doc: node, mapping } = initProseMirrorDoc(fragment, documentSchema())
  const ranges = anchors.map((anchor) => {
    const positions = decodeAnchor(anchor)
    return positions ? rangeOfAnchorIn(doc, fragment, mapping, positions) : null
  })
  return { content: node.toJSON(), ranges }
}

/**
 * `bodyWithAnchorRanges` of a document's encoded state: an export worker reads the live text
 * so, off the server's main thread (500 clauses take it tens of milliseconds).
 */
export const stateBodyWithAnchorRanges = (
  state: Uint8Array,
  anchors: readonly EncodedAnchor[],
): { content: JSONContent; ranges: (AnchorRange | null)[] } => {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    return bodyWithAnchorRanges(doc, anchors)
  } finally {
    doc.destroy()
  }
}
