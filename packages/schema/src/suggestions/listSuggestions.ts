import type { Node as PMNode } from '@tiptap/pm/model'
import { clauseAround } from '../clauseAround.js'
import { numberedClauses } from '../numberedClauses.js'
import {
  BLOCK_SUGGESTION_ATTR,
  isSuggestionKind,
  readBlockSuggestion,
  type SuggestionAttrs,
  SuggestionMark,
} from './suggestionTypes.js'

/** One suggestion as the review panel, the API and export describe it. */
export interface SuggestionSummary extends SuggestionAttrs {
  /** `replacement`: text deleted and inserted in one continuous change (a formatting change too). */
  kind: 'insertion' | 'deletion' | 'replacement' | 'modification'
  /** True when whole blocks (a clause, a paragraph) are suggested. */
  block: boolean
  /** Text that would go (before), and text that would come (after). */
  deleted: string
  inserted: string
  /** Some words before the change, for the preview. */
  context: string
  /** The clause or sub-clause it is in (the first one, if it spans several). */
  clauseId: string | null
  clauseNumber: string | null
  /** The clause a sub-clause belongs to; null for a clause or outside clauses. */
  parentClauseId: string | null
  /** Document positions of its first and last piece. */
  from: number
  to: number
}

const ZWSP = /\u200B/g
const CONTEXT_CHARS = 40

/** Every suggestion of a document, in document order, grouped by id. */
export const listSuggestions = (doc: PMNode): SuggestionSummary[] => {
  const numbers = new Map<string, string>()
  for (const clause of numberedClauses(doc)) {
    if (typeof clause.node.attrs.id === 'string') numbers.set(clause.node.attrs.id, clause.number)
  }
  const byId = new Map<string, SuggestionSummary & { kinds: Set<string> }>()
  const add = (
    attrs: SuggestionAttrs,
    kind: string,
    text: string,
    from: number,
    to: number,
    block: boolean,
  ) => {
    let entry = byId.get(attrs.id)
    if (!entry) {
      const clause = clauseAround(doc.resolve(Math.min(from + 1, doc.content.size)))
      const clauseId = typeof clause?.node.attrs.id === 'string' ? clause.node.attrs.id : null
      const parent =
        clause && clause.depth > 1 ? doc.resolve(clause.pos).node(clause.depth - 1) : null
      const parentClauseId = typeof parent?.attrs.id === 'string' ? parent.attrs.id : null
      const start = Math.max(0, from - CONTEXT_CHARS)
      entry = {
        ...attrs,
        kind: 'insertion',
        kinds: new Set(),
        block,
        deleted: '',
        inserted: '',
        context: doc.textBetween(start, from, ' ', ' ').replace(ZWSP, '').slice(-CONTEXT_CHARS),
        clauseId,
        clauseNumber: clauseId ? (numbers.get(clauseId) ?? null) : null,
        parentClauseId,
        from,
        to,
      }
      byId.set(attrs.id, entry)
    }
    entry.kinds.add(kind)
    entry.to = Math.max(entry.to, to)
    entry.block ||= block
    const clean = text.replace(ZWSP, '')
    if (kind === SuggestionMark.deletion) entry.deleted = join(entry.deleted, clean, block)
    if (kind === SuggestionMark.insertion) entry.inserted = join(entry.inserted, clean, block)
  }

  doc.descendants((node, pos) => {
    const block = readBlockSuggestion(node.attrs[BLOCK_SUGGESTION_ATTR])
    if (block) {
      add(block, block.kind, node.textContent, pos, pos + node.nodeSize, true)
      // A block suggested whole counts once; its text is in the summary already.
      if (block.kind !== SuggestionMark.modification) return false
    }
    if (!node.isInline) return true
    for (const mark of node.marks) {
      if (!isSuggestionKind(mark.type.name) || typeof mark.attrs.id !== 'string') continue
      add(
        {
          id: mark.attrs.id,
          authorId: String(mark.attrs.authorId ?? ''),
          authorName: String(mark.attrs.authorName ?? ''),
          at: String(mark.attrs.at ?? ''),
        },
        mark.type.name,
        node.text ?? '',
        pos,
        pos + node.nodeSize,
        false,
      )
    }
    // An inline node with text of its own (a footnote) holds suggestions of its own.
    return node.childCount > 0 && !node.marks.some((mark) => isSuggestionKind(mark.type.name))
  })

  return [...byId.values()].map(({ kinds, ...entry }) => ({
    ...entry,
    kind:
      kinds.has(SuggestionMark.insertion) && kinds.has(SuggestionMark.deletion)
        ? 'replacement'
        : kinds.has(SuggestionMark.deletion)
          ? 'deletion'
          : kinds.has(SuggestionMark.insertion)
            ? 'insertion'
            : 'modification',
  }))
}

const join = (a: string, b: string, block: boolean): string =>
  a === '' ? b : `${a}${block ? '\n' : ''}${b}`
