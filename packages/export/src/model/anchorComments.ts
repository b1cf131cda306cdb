import type { Block, ExportClause, Inline, TextInline } from './Block.js'

type Item = Block | ExportClause

/** A thread as placed: its clause, the words it quoted, and where its words are now, if known. */
export interface ThreadToPlace {
  clauseId: string | null
  quote: string
  /** Positions in the exported text. */
  range?: { from: number; to: number }
}

/**
 * Every run of inline content in `items`, in document order: headings, paragraphs, lists,
 * quotes and table cells (each a text block of the editor). Footnotes are not among them: a
 * comment on words around a note takes the note in, but none begins or ends inside one.
 */
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
      case 'table':
        return item.rows.flatMap((row) => row.flatMap((cell) => inlineRuns(cell.blocks)))
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

/** Part of a thread's words: `[start, end)` of one run (offsets in its text, a break or note counting one). */
interface Segment {
  inlines: Inline[]
  start: number
  end: number
}

/**
 * Splits the text of `inlines` at `start` and `end`, in place; returns the runs between. A
 * split run's first piece keeps the threads that begin with it, its last the ones that end.
 */
const cut = ({ inlines, start, end }: Segment): TextInline[] => {
  const out: Inline[] = []
  const inside: TextInline[] = []
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
    const { commentStarts, commentEnds, ...plain } = inline
    for (const [a, b] of [
      [0, from],
      [from, to],
      [to, length],
    ] as const) {
      if (a >= b) continue
      const piece: TextInline = {
        ...plain,
        text: inline.text.slice(a, b),
        ...(inline.at === undefined ? {} : { at: inline.at + a }),
        ...(a === 0 && commentStarts ? { commentStarts } : {}),
        ...(b === length && commentEnds ? { commentEnds } : {}),
      }
      out.push(piece)
      if (a === from) inside.push(piece)
    }
  }
  inlines.splice(0, inlines.length, ...out)
  return inside
}

/** The parts of the runs that `[from, to)` of the exported text covers. */
const segmentsOfRange = (runs: Inline[][], from: number, to: number): Segment[] =>
  runs.flatMap((inlines) => {
    let offset = 0
    let start = -1
    let end = -1
    for (const inline of inlines) {
      const length = textOf(inline).length
      if (inline.kind === 'text' && inline.at !== undefined) {
        const a = Math.max(from, inline.at)
        const b = Math.min(to, inline.at + length)
        if (a < b) {
          if (start < 0) start = offset + a - inline.at
          end = offset + b - inline.at
        }
      }
      offset += length
    }
    return start < 0 ? [] : [{ inlines, start, end }]
  })

/**
 * Where the quoted words first stand in `runs`, over as many runs as they take: the editor
 * quotes words from several paragraphs with a space between the paragraphs.
 */
const segmentsOfQuote = (runs: Inline[][], quote: string): Segment[] => {
  const texts = runs.map((inlines) => inlines.map(textOf).join(''))
  const at = texts.join(' ').indexOf(quote)
  if (at < 0) return []
  const segments: Segment[] = []
  let offset = 0
  texts.forEach((text, i) => {
    const start = Math.max(at - offset, 0)
    const end = Math.min(at + quote.length - offset, text.length)
    const inlines = runs[i]
    if (inlines && start < end) segments.push({ inlines, start, end })
    offset += text.length + 1
  })
  return segments
}

/**
 * Places each open thread on its words: where its anchor's range is in the exported text
 * (over any number of paragraphs, headings, list items, cells and clauses), else the first
 * place where the words it quoted stand, in its clause (in the whole text when it has none,
 * or its clause is not in this text). The first run of its words says that the thread begins
 * there (`commentStarts`), the last that it ends there (`commentEnds`); threads may overlap
 * and nest. Returns the indexes of the threads placed; a thread whose words are no longer
 * there stays only in the appendix.
 */
export const anchorComments = (
  top: readonly Item[],
  threads: readonly ThreadToPlace[],
): Set<number> => {
  const placed = new Set<number>()
  const everywhere = inlineRuns(top)
  threads.forEach((thread, index) => {
    let segments = thread.range
      ? segmentsOfRange(everywhere, thread.range.from, thread.range.to)
      : []
    const quote = thread.quote.trim()
    if (segments.length === 0 && quote !== '') {
      const clause = thread.clauseId ? clauseWithId(top, thread.clauseId) : undefined
      segments = segmentsOfQuote(clause ? inlineRuns([clause]) : everywhere, quote)
    }
    const words = segments.flatMap(cut)
    const first = words[0]
    const last = words[words.length - 1]
    if (!first || !last) return
    first.commentStarts = [...(first.commentStarts ?? []), index]
    last.commentEnds = [...(last.commentEnds ?? []), index]
    placed.add(index)
  })
  return placed
}
