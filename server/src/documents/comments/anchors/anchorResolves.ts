import { decodeAnchor, type EncodedAnchor, resolveAnchor } from '@accord/schema'
import type * as Y from 'yjs'

/**
 * True when an anchor names places in this document's body, by the rule every copy applies
 * (`resolveAnchor`): on its words, or on words removed since the person selected them (the
 * thread is then kept and shows "text removed"). False for an anchor made in another
 * document, one into something other than the body, or bytes that are not an anchor.
 */
export const anchorResolves = (doc: Y.Doc, anchor: EncodedAnchor): boolean => {
  const positions = decodeAnchor(anchor)
  return positions !== undefined && resolveAnchor(doc, positions).kind !== 'unknown'
}
