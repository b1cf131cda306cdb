import * as Y from 'yjs'
import type { AnyType } from './visibility.js'

/** A comment's anchor as the API carries it: base64 of `Y.encodeRelativePosition` for each end. */
export interface EncodedAnchor {
  start: string
  end: string
}

/** The two ends of an anchor as Yjs relative positions. */
export interface AnchorPositions {
  start: Y.RelativePosition
  end: Y.RelativePosition
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/** Decodes an anchor; undefined when either end is not a relative position. */
export const decodeAnchor = (anchor: EncodedAnchor): AnchorPositions | undefined => {
  try {
    return {
      start: Y.decodeRelativePosition(fromBase64(anchor.start)),
      end: Y.decodeRelativePosition(fromBase64(anchor.end)),
    }
  } catch {
    return undefined
  }
}

/**
 * An anchor over `[from, to)` of a text or element, encoded as the editor encodes one (both
 * ends stick to the character before them, so typing at either edge stays outside).
 */
export const encodeAnchor = (
  from: { type: AnyType; index: number },
  to: { type: AnyType; index: number },
): EncodedAnchor => {
  const encode = (point: { type: AnyType; index: number }) =>
    toBase64(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(point.type, point.index, -1)),
    )
  return { start: encode(from), end: encode(to) }
}
