import type { Mark, Node as PMNode } from '@tiptap/pm/model'
import type { Transform } from '@tiptap/pm/transform'
import {
  BLOCK_SUGGESTION_ATTR,
  type BlockSuggestion,
  isSuggestionKind,
  newSuggestionId,
  readBlockSuggestion,
  type SuggestionAttrs,
  type SuggestionAuthor,
  SuggestionMark,
} from './suggestionTypes.js'

/** Every suggestion id in a document with its attribution (marks and block attributes). */
export const suggestionOwners = (doc: PMNode): Map<string, SuggestionAttrs> => {
  const owners = new Map<string, SuggestionAttrs>()
  doc.descendants((node) => {
    const block = readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])
    if (block) owners.set(block.id, block)
    for (const mark of node.marks) {
      if (!isSuggestionKind(mark.type.name)) continue
      const attrs = markAttribution(mark)
      if (attrs) owners.set(attrs.id, attrs)
    }
    return true
  })
  return owners
}

const markAttribution = (mark: Mark): SuggestionAttrs | null => {
  const { id, authorId, authorName, at } = mark.attrs as Record<string, unknown>
  if (typeof id !== 'string' || typeof authorId !== 'string') return null
  return {
    id,
    authorId,
    authorName: typeof authorName === 'string' ? authorName : '',
    at: typeof at === 'string' ? at : '',
  }
}

/** Ranges of `tr.doc` that the transform inserted (content that did not exist before). */
export const insertedRanges = (tr: Transform): Array<[number, number]> => {
  const ranges: Array<[number, number]> = []
  tr.mapping.maps.forEach((map, index) => {
    const rest = tr.mapping.slice(index + 1)
    map.forEach((_oldStart, _oldEnd, newStart, newEnd) => {
      if (newEnd > newStart) {
        const from = rest.map(newStart, 1)
        const to = rest.map(newEnd, -1)
        if (to > from) ranges.push([from, to])
      }
    })
  })
  return ranges
}

/** Splits [from, to) into pieces inside and outside `ranges`. */
const splitByRanges = (
  from: number,
  to: number,
  ranges: Array<[number, number]>,
): Array<{ from: number; to: number; inserted: boolean }> => {
  const cuts = new Set<number>([from, to])
  for (const [a, b] of ranges) {
    if (a > from && a < to) cuts.add(a)
    if (b > from && b < to) cuts.add(b)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const pieces: Array<{ from: number; to: number; inserted: boolean }> = []
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i] as number
    const b = points[i + 1] as number
    pieces.push({ from: a, to: b, inserted: ranges.some(([x, y]) => x <= a && b <= y) })
  }
  return pieces
}

/**
 * Completes a transaction the suggest-changes library rewrote: the library marks what was
 * typed or deleted with `{ id }` only, reuses a neighbouring suggestion's id to group a
 * continuous change, and puts whole-block suggestions in node marks. This step
 * - attributes every new suggestion to `author` at `at`;
 * - gives it a fresh id when the neighbour whose id it took belongs to someone else
 *   (each person's suggestion stays theirs), one fresh id per reused id;
 * - restores the attribution of someone else's suggestion the library re-marked;
 * - turns node marks into the block's `suggestion` attribute, which the Yjs binding keeps;
 *   deleting a block one suggested oneself removes it for real.
 */
export const attributeSuggestions = (
  tr: Transform,
  before: PMNode,
  author: SuggestionAuthor,
  at: string,
): void => {
  const owners = suggestionOwners(before)
  const replaced = new Map<string, string>()
  const attributionFor = (id: unknown): SuggestionAttrs => {
    const key = typeof id === 'string' ? id : String(id)
    const owner = owners.get(key)
    if (owner && owner.authorId === author.authorId) return owner
    if (!owner && typeof id === 'string' && id !== '') {
      return { id, ...author, at }
    }
    let fresh = replaced.get(key)
    if (!fresh) {
      fresh = newSuggestionId()
      replaced.set(key, fresh)
    }
    return { id: fresh, ...author, at }
  }

  const inserted = insertedRanges(tr)
  const inverted = tr.mapping.invert()
  const inlineFixes: Array<{ from: number; to: number; mark: Mark; attrs: SuggestionAttrs }> = []
  const blockFixes: Array<{ pos: number; node: PMNode; mark: Mark }> = []

  tr.doc.descendants((node, pos) => {
    for (const mark of node.marks) {
      if (!isSuggestionKind(mark.type.name)) continue
      if (!node.isInline) {
        blockFixes.push({ pos, node, mark })
        continue
      }
      if (typeof mark.attrs.authorId === 'string') continue
      for (const piece of splitByRanges(pos, pos + node.nodeSize, inserted)) {
        let attrs: SuggestionAttrs | null = null
        if (!piece.inserted) {
          // Existing text: if it carried someone's suggestion of this kind, that is whose it stays.
          const old = before.nodeAt(inverted.map(piece.from, 1))
          const oldMark = old?.marks.find((m) => m.type.name === mark.type.name)
          attrs = oldMark ? markAttribution(oldMark) : null
        }
        inlineFixes.push({ ...piece, mark, attrs: attrs ?? attributionFor(mark.attrs.id) })
      }
    }
    return true
  })

  for (const fix of inlineFixes) {
    tr.removeMark(fix.from, fix.to, fix.mark.type)
    tr.addMark(fix.from, fix.to, fix.mark.type.create({ ...fix.mark.attrs, ...fix.attrs }))
  }

  // Inline fixes move nothing; last first, so a removal does not move the blocks before it.
  for (const { pos, node, mark } of blockFixes.reverse()) {
    tr.removeNodeMark(pos, mark)
    const existing = readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])
    const ownInsertion =
      existing?.kind === SuggestionMark.insertion && existing.authorId === author.authorId
    if (ownInsertion && mark.type.name === SuggestionMark.deletion) {
      tr.delete(pos, pos + node.nodeSize)
      continue
    }
    if (ownInsertion) continue
    const attribution = attributionFor(mark.attrs.id)
    const value: BlockSuggestion = {
      kind: mark.type.name as BlockSuggestion['kind'],
      ...attribution,
      ...(mark.type.name === SuggestionMark.modification
        ? {
            change: {
              type: String(mark.attrs.type),
              attrName: (mark.attrs.attrName as string | null) ?? null,
              previousValue: mark.attrs.previousValue ?? null,
              newValue: mark.attrs.newValue ?? null,
            },
          }
        : {}),
    }
    tr.setNodeAttribute(pos, BLOCK_SUGGESTION_ATTR, value)
  }
}
