import type { Node as PMNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type { Transform } from '@tiptap/pm/transform'
import { FOOTNOTE } from '../footnotes/Footnote.js'
import { TableNode } from '../tables/tableNodeNames.js'
import { insertedRanges } from './attributeSuggestions.js'
import {
  BLOCK_SUGGESTION_ATTR,
  type BlockSuggestion,
  newSuggestionId,
  readBlockSuggestion,
  type SuggestionAttrs,
  type SuggestionAuthor,
  SuggestionMark,
} from './suggestionTypes.js'

type Kind = typeof SuggestionMark.insertion | typeof SuggestionMark.deletion

/** Tables and footnotes: the nodes that hold text of their own and are suggested whole. */
const isWhole = (node: PMNode): boolean =>
  node.type.name === TableNode.table || node.type.name === FOOTNOTE

/** The attribution of the first suggestion mark of `kind` inside `node`, if any. */
const innerAttribution = (node: PMNode, kind: Kind): SuggestionAttrs | null => {
  let found: SuggestionAttrs | null = null
  node.descendants((child) => {
    if (found) return false
    const mark = child.marks.find((m) => m.type.name === kind)
    const { id, authorId, authorName, at } = (mark?.attrs ?? {}) as Record<string, unknown>
    if (typeof id === 'string' && typeof authorId === 'string')
      found = { id, authorId, authorName: String(authorName ?? ''), at: String(at ?? '') }
    return true
  })
  return found
}

/**
 * Marks the node at `pos` as suggested whole, by its block attribute: the Yjs binding keeps
 * attributes, and a mark cannot be put on a footnote (ProseMirror marks only atoms inline).
 */
const markWhole = (tr: Transform, pos: number, kind: Kind, attrs: SuggestionAttrs) => {
  const value: BlockSuggestion = { kind, ...attrs }
  tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, value)
}

const isSuggested = (node: PMNode): boolean =>
  readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR]) !== null ||
  node.marks.some(
    (m) => m.type.name === SuggestionMark.insertion || m.type.name === SuggestionMark.deletion,
  )

/**
 * Completes what the suggest-changes library does to a table or a footnote inserted or
 * deleted whole: it marks the words inside an inserted one but not the node (rejecting would
 * leave an empty table or footnote), marks the words of a deleted footnote but not the
 * footnote (accepting would leave an empty one), and drops the deletion of a table. Here the
 * node itself becomes the suggestion, under the id of the words inside when they have one,
 * so the whole is accepted or rejected at once.
 *
 * @param original the transaction as the person made it, from `before`
 * @param suggested the library's rewriting of it, from `before` too, attributed already
 */
export const suggestWholeNodes = (
  original: Transaction,
  suggested: Transform,
  before: PMNode,
  author: SuggestionAuthor,
  at: string,
): void => {
  // A whole suggestion takes the id of the words inside, so node and words are decided at once.
  const fresh = (): SuggestionAttrs => ({ id: newSuggestionId(), ...author, at })

  // Deleted whole in the person's transaction, but still there after the rewriting.
  const deleted: { pos: number; node: PMNode }[] = []
  before.descendants((node, pos) => {
    if (!isWhole(node)) return true
    const inside = original.mapping.mapResult(pos + 1)
    const end = original.mapping.mapResult(pos + node.nodeSize - 1)
    if (inside.deleted && end.deleted) deleted.push({ pos, node })
    return false
  })
  for (const { pos } of deleted) {
    const now = suggested.mapping.map(pos, 1)
    const node = suggested.doc.nodeAt(now)
    if (!node || !isWhole(node) || isSuggested(node)) continue
    markWhole(
      suggested,
      now,
      SuggestionMark.deletion,
      innerAttribution(node, SuggestionMark.deletion) ?? fresh(),
    )
  }

  // New in the rewritten text: nothing before stood where it stands.
  const back = suggested.mapping.invert()
  const inserted: { pos: number; node: PMNode }[] = []
  suggested.doc.descendants((node, pos) => {
    if (!isWhole(node)) return true
    if (back.mapResult(pos + 1).deleted && !isSuggested(node)) inserted.push({ pos, node })
    return false
  })
  for (const { pos, node } of inserted)
    markWhole(
      suggested,
      pos,
      SuggestionMark.insertion,
      innerAttribution(node, SuggestionMark.insertion) ?? fresh(),
    )
}

/**
 * Words typed into a table or footnote that the same person suggested whole are part of that
 * suggestion: they take its id and attribution. The library gives them an id of their own
 * when nothing suggested stands next to them (an empty cell, the space a new footnote starts
 * with, typed over); listed under the node, they were never shown, and accepting the node
 * left them suggested.
 */
export const joinWholeInsertions = (suggested: Transform, author: SuggestionAuthor): void => {
  const insertion = suggested.doc.type.schema.marks[SuggestionMark.insertion]
  if (!insertion) return
  const fixes: { from: number; to: number; attrs: SuggestionAttrs }[] = []
  for (const [from, to] of insertedRanges(suggested)) {
    const $from = suggested.doc.resolve(from)
    let whole: SuggestionAttrs | null = null
    for (let depth = $from.depth; depth > 0 && !whole; depth--) {
      const node = $from.node(depth)
      const suggestion = isWhole(node)
        ? readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])
        : null
      if (suggestion?.kind === SuggestionMark.insertion && suggestion.authorId === author.authorId)
        whole = {
          id: suggestion.id,
          authorId: suggestion.authorId,
          authorName: suggestion.authorName,
          at: suggestion.at,
        }
    }
    if (!whole) continue
    const attrs = whole
    suggested.doc.nodesBetween(from, to, (node, pos) => {
      const mark = node.isText ? insertion.isInSet(node.marks) : undefined
      if (mark && mark.attrs.id !== attrs.id)
        fixes.push({ from: Math.max(from, pos), to: Math.min(to, pos + node.nodeSize), attrs })
      return true
    })
  }
  for (const { from, to, attrs } of fixes) {
    suggested.removeMark(from, to, insertion)
    suggested.addMark(from, to, insertion.create(attrs))
  }
}
