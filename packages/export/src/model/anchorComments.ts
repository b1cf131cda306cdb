import type { Block, ExportClause, Inline } from './Block.js'

type Item = Block | ExportClause

/** Every run of inline content in `items`, in document order (headings, paragraphs, lists, quotes). */
const inlineRuns = (items: readonly Item[]): Inline[][] =>
  items.flatMap((item): Inline[][] => {
    switch (item.type) {
      case 'clause':
        return [item.heading, ...inlineRuns(item.children)]
      case 'paragraph':
      case 'heading':
        return [item.inlines]
      case 'list':
        return item.items.flatMap((blocks) => inlineRuns(blocks))
      case 'quote':
        return inlineRuns(item.blocks)
      default:
        return []
    }
  })

const clauseWithId = (items: readonly Item[], id: string): ExportClause | undefined => {
  for (const item of items) {
    if (item.type !== 'clause') continue
    if (item.id === id) return item
    const inner = clauseWithId(item.children, id)
    if (inner) return inner
  }
  return undefined
}

const textOf = (inline: Inline): string => (inline.kind === 'text' ? inline.text : '\n')

/**
 * Marks the words `[start, end)` of a run of inlines (offsets in its text, a break counting
 * one) with comment `index`, splitting text where the range begins and ends. In place.
 */
const markRange = (inlines: Inline[], start: number, end: number, index: number): void => {
  const out: Inline[] = []
  let at = 0
  for (const inline of inlines) {
    const length = textOf(inline).length
    const from = Math.max(start - at, 0)
    const to = Math.min(end - at, length)
    at += length
    if (inline.kind !== 'text' || from >= to) {
      out.push(inline)
      continue
    }
    const piece = (a: number, b: number, marked: boolean): void => {
      if (a >= b) return
      const marks = marked
        ? { ...inline.marks, comments: [...(inline.marks.comments ?? []), index] }
        : inline.marks
      out.push({ kind: 'text', text: inline.text.slice(a, b), marks })
    }
    piece(0, from, false)
    piece(from, to, true)
    piece(to, length, false)
  }
  inlines.splice(0, inlines.length, ...out)
}

/**
 * Places each open thread on its words (those its anchor covers now, else the ones it quoted):
 * the first place in its clause (in the whole
 * text when it has none, or its clause is not in this text) where the quoted words stand
 * within one paragraph or heading. Returns the indexes of the threads placed; a thread whose
 * words are no longer there stays only in the appendix.
 */
export const anchorComments = (
  top: readonly Item[],
  threads: readonly { clauseId: string | null; quote: string; words?: string }[],
): Set<number> => {
  const placed = new Set<number>()
  threads.forEach((thread, index) => {
    const clause = thread.clauseId ? clauseWithId(top, thread.clauseId) : undefined
    const runs = inlineRuns(clause ? [clause] : top)
    for (const wanted of [thread.words, thread.quote]) {
      const words = wanted?.trim() ?? ''
      if (words === '') continue
      for (const inlines of runs) {
        const at = inlines.map(textOf).join('').indexOf(words)
        if (at < 0) continue
        markRange(inlines, at, at + words.length, index)
        placed.add(index)
        return
      }
    }
  })
  return placed
}
