import {
  BODY_FRAGMENT,
  decodeAnchor,
  type EncodedAnchor,
  encodeAnchor,
  resolveAnchor,
} from '@accord/schema'
import * as Y from 'yjs'

/** The first paragraph's text node of the document body. */
export const firstText = (doc: Y.Doc): Y.XmlText => {
  const paragraph = doc.getXmlFragment('default').get(0) as Y.XmlElement
  return paragraph.get(0) as Y.XmlText
}

/** A comment anchor over `length` characters from `index` of the first paragraph, as the API takes it. */
export const anchorOver = (doc: Y.Doc, index: number, length: number) => {
  const text = firstText(doc)
  const encode = (i: number, assoc: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, i, assoc)),
    ).toString('base64')
  // Start sticks to the character after it, end to the character before it, so typing at the edges stays outside.
  return { start: encode(index, 0), end: encode(index + length, -1) }
}

/** The text an anchor covers now in `doc`, or '' when its text was removed. */
export const anchoredText = (doc: Y.Doc, anchor: { start: string; end: string }): string => {
  const resolve = (b64: string) =>
    Y.createAbsolutePositionFromRelativePosition(
      Y.decodeRelativePosition(Buffer.from(b64, 'base64')),
      doc,
    )
  const start = resolve(anchor.start)
  const end = resolve(anchor.end)
  if (!start || !end || start.type !== end.type || end.index <= start.index) return ''
  return (start.type as Y.XmlText).toString().slice(start.index, end.index)
}

/** Every text of the body, in document order. */
export const textsOf = (doc: Y.Doc): Y.XmlText[] =>
  [
    ...doc.getXmlFragment(BODY_FRAGMENT).createTreeWalker((type) => type instanceof Y.XmlText),
  ] as Y.XmlText[]

/** The text of the paragraph (or heading) that begins with `start`. */
export const textStarting = (doc: Y.Doc, start: string): Y.XmlText => {
  const found = textsOf(doc).find((t) => t.toString().startsWith(start))
  if (!found) throw new Error(`no paragraph begins with "${start}"`)
  return found
}

/** An anchor on `words` in the paragraph that begins with `start`, as the editor makes it. */
export const anchorOnWords = (doc: Y.Doc, start: string, words: string): EncodedAnchor => {
  const text = textStarting(doc, start)
  const at = text.toString().indexOf(words)
  return encodeAnchor({ type: text, index: at }, { type: text, index: at + words.length })
}

/** The words an anchor is on in `doc` by the shared rule, or its state ("removed", "unknown"). */
export const wordsOfAnchor = (doc: Y.Doc, anchor: EncodedAnchor): string => {
  const positions = decodeAnchor(anchor)
  const state = positions && resolveAnchor(doc, positions)
  return state?.kind === 'anchored' ? state.text : (state?.kind ?? 'undecodable')
}
