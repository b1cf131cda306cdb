import { BODY_FRAGMENT } from '@accord/schema'
import * as Y from 'yjs'

/** Decodes a base64 `Y.encodeRelativePosition` value; undefined when it is not one. */
export const decodeAnchor = (base64: string): Y.RelativePosition | undefined => {
  try {
    return Y.decodeRelativePosition(Buffer.from(base64, 'base64'))
  } catch {
    return undefined
  }
}

const isInside = (type: Y.AbstractType<unknown>, root: Y.XmlFragment): boolean => {
  let current: Y.AbstractType<unknown> | null = type
  while (current) {
    if (current === root) return true
    current = current._item?.parent instanceof Y.AbstractType ? current._item.parent : null
  }
  return false
}

/**
 * True when a relative position points into this document's body. A position made in
 * another document names items this one never had, so it does not resolve here.
 */
export const anchorResolves = (doc: Y.Doc, base64: string): boolean => {
  const position = decodeAnchor(base64)
  if (!position) return false
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc)
  return (
    absolute !== null &&
    isInside(absolute.type as Y.AbstractType<unknown>, doc.getXmlFragment(BODY_FRAGMENT))
  )
}
