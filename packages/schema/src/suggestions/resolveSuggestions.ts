import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import {
  BLOCK_SUGGESTION_ATTR,
  isSuggestionKind,
  readBlockSuggestion,
  SuggestionMark,
} from './suggestionTypes.js'

/** What to do with one suggestion: make it part of the text, or drop it. */
export type Decision = 'accept' | 'reject'

const ZWSP = '\u200B'

type Op =
  | { type: 'unmark'; from: number; to: number; mark: string; dropIfMarker: boolean }
  | { type: 'delete'; from: number; to: number }
  | { type: 'clearBlock'; pos: number }
  | {
      type: 'revertBlock'
      pos: number
      change: NonNullable<ReturnType<typeof readBlockSuggestion>>['change']
    }

/**
 * Applies decisions to the suggestions of a document and returns the transform (its `doc`
 * is the result). Accepting an insertion or rejecting a deletion keeps the content and
 * drops the mark; rejecting an insertion or accepting a deletion removes the content.
 * A deletion that runs across a block boundary joins the blocks when accepted. Suggestions
 * without a decision stay as they are. Returns the ids it found and resolved.
 */
export const resolveSuggestions = (
  doc: PMNode,
  decide: (id: string) => Decision | undefined,
): { tr: Transform; resolved: Set<string> } => {
  const tr = new Transform(doc)
  const resolved = new Set<string>()
  const ops: Op[] = []
  // Inline deletions to carry out, per id, merged when only block boundaries lie between.
  let pendingDelete: { id: string; from: number; to: number } | null = null
  const flushDelete = () => {
    if (pendingDelete) ops.push({ type: 'delete', from: pendingDelete.from, to: pendingDelete.to })
    pendingDelete = null
  }

  doc.descendants((node, pos) => {
    const block = readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])
    if (block) {
      const decision = decide(block.id)
      if (decision) {
        resolved.add(block.id)
        const removes =
          (block.kind === SuggestionMark.insertion && decision === 'reject') ||
          (block.kind === SuggestionMark.deletion && decision === 'accept')
        if (removes) {
          flushDelete()
          ops.push({ type: 'delete', from: pos, to: pos + node.nodeSize })
          return false
        }
        if (block.kind === SuggestionMark.modification && decision === 'reject') {
          ops.push({ type: 'revertBlock', pos, change: block.change })
        } else {
          ops.push({ type: 'clearBlock', pos })
        }
      }
    }
    if (!node.isInline) return true
    const mark = node.marks.find((m) => isSuggestionKind(m.type.name))
    // An inline node with text of its own (a footnote) holds suggestions of its own.
    if (!mark) return node.childCount > 0
    const id = String(mark.attrs.id)
    const decision = decide(id)
    if (!decision) return false
    resolved.add(id)
    const from = pos
    const to = pos + node.nodeSize
    const removes =
      (mark.type.name === SuggestionMark.insertion && decision === 'reject') ||
      (mark.type.name === SuggestionMark.deletion && decision === 'accept')
    if (removes) {
      const between = pendingDelete ? doc.textBetween(pendingDelete.to, from, '', '') : ''
      const contiguous =
        pendingDelete &&
        pendingDelete.id === id &&
        between.replaceAll(ZWSP, '') === '' &&
        !hasLeafBetween(doc, pendingDelete.to, from)
      if (pendingDelete && contiguous) pendingDelete.to = to
      else {
        flushDelete()
        pendingDelete = { id, from, to }
      }
    } else {
      ops.push({
        type: 'unmark',
        from,
        to,
        mark: mark.type.name,
        // Only text can be a zero-width marker: an atom (a line break, a cross-reference)
        // has no text and is content.
        dropIfMarker: node.isText && (node.text ?? '').replaceAll(ZWSP, '') === '',
      })
    }
    return false
  })
  flushDelete()

  for (const op of ops) {
    if (op.type === 'delete') {
      const from = tr.mapping.mapResult(op.from, 1)
      const to = tr.mapping.mapResult(op.to, -1)
      if (to.pos > from.pos) tr.delete(from.pos, to.pos)
    } else if (op.type === 'unmark') {
      const from = tr.mapping.map(op.from, 1)
      const to = tr.mapping.map(op.to, -1)
      if (to <= from) continue
      const markType = doc.type.schema.marks[op.mark]
      if (markType) tr.removeMark(from, to, markType)
      if (op.dropIfMarker) tr.delete(from, to)
    } else {
      const mapped = tr.mapping.mapResult(op.pos, 1)
      if (mapped.deleted) continue
      const target = tr.doc.nodeAt(mapped.pos)
      if (!target) continue
      if (op.type === 'revertBlock' && op.change) revertBlock(tr, mapped.pos, op.change)
      tr.setNodeAttribute(mapped.pos, BLOCK_SUGGESTION_ATTR, null)
    }
  }
  return { tr, resolved }
}

const hasLeafBetween = (doc: PMNode, from: number, to: number): boolean => {
  let found = false
  if (to <= from) return false
  doc.nodesBetween(from, to, (node) => {
    if (node.isLeaf && !node.isText) found = true
    return !found
  })
  return found
}

const revertBlock = (
  tr: Transform,
  pos: number,
  change: NonNullable<Op & { type: 'revertBlock' }>['change'],
): void => {
  if (!change) return
  if (change.type === 'attr' && typeof change.attrName === 'string') {
    tr.setNodeAttribute(pos, change.attrName, change.previousValue)
  } else if (change.type === 'nodeType' && typeof change.previousValue === 'string') {
    const type = tr.doc.type.schema.nodes[change.previousValue]
    if (type) tr.setNodeMarkup(pos, type)
  }
}

/** The text as it would be if every suggestion were rejected: what the suggestions started from. */
export const baseDocument = (doc: PMNode): PMNode => baseTransform(doc).doc

/**
 * `baseDocument` as a transform, whose mapping carries positions of `doc` (a comment's
 * words) into the text without the suggestions.
 */
export const baseTransform = (doc: PMNode): Transform => {
  const { tr } = resolveSuggestions(doc, () => 'reject')
  return removeMarkers(tr)
}

/** The text as it would be if every suggestion were accepted. */
export const acceptedDocument = (doc: PMNode): PMNode => {
  const { tr } = resolveSuggestions(doc, () => 'accept')
  return withoutMarkers(tr.doc)
}

/** Removes the zero-width spaces the suggest mode leaves at block boundaries. */
export const withoutMarkers = (doc: PMNode): PMNode => removeMarkers(new Transform(doc)).doc

/** `withoutMarkers` as further steps of `tr`, so its mapping covers them too. */
export const removeMarkers = (tr: Transform): Transform => {
  const found: number[] = []
  tr.doc.descendants((node, pos) => {
    if (!node.isText || !node.text?.includes(ZWSP)) return true
    for (let i = 0; i < node.text.length; i += 1) if (node.text[i] === ZWSP) found.push(pos + i)
    return false
  })
  for (const pos of found.reverse()) tr.delete(pos, pos + 1)
  return tr
}
