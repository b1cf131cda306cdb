import { ClauseNode, documentSchema, type EncodedAnchor } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { absolutePositionToRelativePosition, initProseMirrorDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { CommentRange, TextPoint } from './InlineWriter.js'

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes))
const blockText = (node: JSONContent): string =>
  node.type === 'text' ? (node.text ?? '') : (node.content ?? []).map(blockText).join('')

interface BlockPlace {
  /** The editor position where the block's content starts. */
  start: number
  /** The size of its content. */
  size: number
  clauseId: string | null
}

const contentSize = (node: JSONContent): number =>
  (node.content ?? []).reduce((sum, child) => sum + nodeSize(child), 0)
const nodeSize = (node: JSONContent): number =>
  node.type === 'text'
    ? (node.text ?? '').length
    : node.content || !isLeaf(node)
      ? 2 + contentSize(node)
      : 1
const isLeaf = (node: JSONContent) => node.type === 'hardBreak'

/** Where each block of a document starts, as the editor counts positions, and its clause. */
const placesOf = (doc: JSONContent): Map<JSONContent, BlockPlace> => {
  const places = new Map<JSONContent, BlockPlace>()
  const walk = (node: JSONContent, start: number, clauseId: string | null) => {
    places.set(node, { start, size: contentSize(node), clauseId })
    let pos = start
    for (const child of node.content ?? []) {
      if (child.type !== 'text' && !isLeaf(child)) {
        const id =
          child.type === ClauseNode.clause || child.type === ClauseNode.subclause
            ? String(child.attrs?.id ?? '')
            : clauseId
        walk(child, pos + 1, id)
      }
      pos += nodeSize(child)
    }
  }
  walk(doc, 0, null)
  return places
}

export interface AnchoredComment {
  range: CommentRange
  anchor: EncodedAnchor
  clauseId: string | null
}

/**
 * The Yjs update of an imported document and its comments' anchors in it: each range turned
 * into relative positions through the same mapping the editor's binding uses, so the threads
 * sit on the same words in every editor. A comment on a point (no words) takes its paragraph.
 */
export const anchorComments = (
  content: JSONContent,
  ranges: readonly CommentRange[],
  fragment: Y.XmlFragment,
): { anchored: AnchoredComment[]; unanchored: CommentRange[] } => {
  const { mapping } = initProseMirrorDoc(fragment, documentSchema())
  const places = placesOf(content)
  const at = (point: TextPoint) => {
    const place = places.get(point.block)
    return place ? place.start + Math.min(point.offset, place.size) : undefined
  }
  const anchored: AnchoredComment[] = []
  const unanchored: CommentRange[] = []
  for (const range of ranges) {
    const startPlace = range.start && places.get(range.start.block)
    let from = range.start && at(range.start)
    let to = range.end ? at(range.end) : undefined
    if (!startPlace || from === undefined) {
      unanchored.push(range)
      continue
    }
    if (to === undefined || to <= from) {
      from = startPlace.start
      to = startPlace.start + startPlace.size
      range.quote = range.start ? blockText(range.start.block) : ''
    }
    if (to <= from) {
      unanchored.push(range)
      continue
    }
    const encode = (pos: number) =>
      toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping)))
    anchored.push({
      range,
      anchor: { start: encode(from), end: encode(to) },
      clauseId: startPlace.clauseId,
    })
  }
  return { anchored, unanchored }
}
