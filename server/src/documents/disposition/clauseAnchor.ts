import { BODY_FRAGMENT, type EncodedAnchor, encodeAnchor } from '@accord/schema'
import * as Y from 'yjs'

/** The first text inside an element (a clause's heading, for a clause), depth first. */
const firstText = (element: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) return child
    if (child instanceof Y.XmlElement) {
      const found = firstText(child)
      if (found) return found
    }
  }
  return null
}

/** The clause or sub-clause element with this id (they live at the top level and one down). */
const clauseElement = (fragment: Y.XmlFragment, clauseId: string): Y.XmlElement | null => {
  for (const child of fragment.toArray()) {
    if (!(child instanceof Y.XmlElement)) continue
    if (child.getAttribute('id') === clauseId) return child
    for (const inner of child.toArray()) {
      if (inner instanceof Y.XmlElement && inner.getAttribute('id') === clauseId) return inner
    }
  }
  return null
}

/**
 * Where a comment made outside the editor (an imported template row) is anchored: over the
 * first text of its clause (the heading), or of the document for a general comment. Null
 * when the clause is not in the text.
 */
export const clauseAnchor = (
  doc: Y.Doc,
  clauseId: string | null,
): { anchor: EncodedAnchor; quote: string } | null => {
  const fragment = doc.getXmlFragment(BODY_FRAGMENT)
  const container = clauseId === null ? fragment : clauseElement(fragment, clauseId)
  if (!container) return null
  const text = firstText(container)
  if (!text) {
    return {
      anchor: encodeAnchor({ type: container, index: 0 }, { type: container, index: 0 }),
      quote: '',
    }
  }
  const quote = text
    .toDelta()
    .map((op: { insert?: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
  return {
    anchor: encodeAnchor({ type: text, index: 0 }, { type: text, index: text.length }),
    quote: quote.slice(0, 2_000),
  }
}
