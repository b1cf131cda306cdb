import type { Node as PMNode } from '@tiptap/pm/model'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import type * as Y from 'yjs'
import { type AuthorRun, type AuthorSpan, authorRuns, blockAuthorRuns } from './authorRuns'

/** How one person's words look: their colour, name and underline style (not colour alone). */
export interface AuthorLook {
  name: string
  color: string
  /** 0–3: solid, dashed, dotted or double underline, so neighbours differ without colour. */
  style: number
}

/** What the page tells the plugin; null switches the colouring off. */
export interface AuthorshipInput {
  /** Per Yjs client id, whose text it is from which clock on (user ids). */
  clients: ReadonlyMap<number, readonly AuthorSpan[]>
  people: ReadonlyMap<string, AuthorLook>
  /** Only text written after this state vector (a version's). */
  since?: ReadonlyMap<number, number>
}

/** A stretch of the editor's text, [from, to]. */
export interface TextRange {
  from: number
  to: number
}

const optionsOf = (input: AuthorshipInput, unknown: number[]) => ({
  spansOf: (client: number) => input.clients.get(client),
  since: input.since,
  onUnknown: (client: number) => unknown.push(client),
})

/** A person's decoration attributes and spec, per set of looks the page gave. */
const looks = new WeakMap<
  AuthorshipInput['people'],
  Map<
    string,
    { look: AuthorLook; attrs: Record<string, string>; spec: { name: string; author: string } }
  >
>()

/**
 * One object of attributes and one spec per person, shared by all their decorations: the
 * view compares each block's decorations after every change, and a run over many blocks
 * (or one drawn again) compares field by field unless both are the very same objects.
 */
const lookOf = (author: string, input: AuthorshipInput) => {
  let byAuthor = looks.get(input.people)
  if (!byAuthor) {
    byAuthor = new Map()
    looks.set(input.people, byAuthor)
  }
  const look = input.people.get(author)
  if (!look) return undefined
  let found = byAuthor.get(author)
  if (found?.look !== look) {
    found = {
      look,
      attrs: {
        class: `author-run author-style-${look.style}`,
        style: `--author: ${look.color}`,
        title: look.name,
        'data-author': author,
      },
      spec: { name: look.name, author },
    }
    byAuthor.set(author, found)
  }
  return found
}

/** One run's decoration, or null for a person the page has no look for. */
const decorationOf = (run: AuthorRun, doc: PMNode, input: AuthorshipInput): Decoration | null => {
  const look = lookOf(run.author, input)
  const to = Math.min(run.to, doc.content.size)
  if (!look || run.from >= to) return null
  return Decoration.inline(run.from, to, look.attrs, look.spec)
}

const decorationsOf = (runs: readonly AuthorRun[], doc: PMNode, input: AuthorshipInput) =>
  runs.map((run) => decorationOf(run, doc, input)).filter((d): d is Decoration => d !== null)

/**
 * Every run of the text as decorations, from one pass over the Yjs items; `unknown` collects
 * the client ids the input does not know.
 */
export const decorateAuthors = (
  doc: PMNode,
  fragment: Y.XmlFragment,
  input: AuthorshipInput,
  unknown: number[],
): DecorationSet =>
  DecorationSet.create(
    doc,
    decorationsOf(authorRuns(fragment, doc.type.schema, optionsOf(input, unknown)), doc, input),
  )

/** The people coloured in a set, in the order their words first appear (for the legend). */
export const shownAuthors = (decorations: DecorationSet): string[] => {
  const shown: string[] = []
  for (const d of decorations.find().sort((a, b) => a.from - b.from)) {
    const author = d.spec.author as string
    if (!shown.includes(author)) shown.push(author)
  }
  return shown
}

/** Is any text in (from, to)? Text between two runs of one person keeps them apart. */
const hasText = (doc: PMNode, from: number, to: number): boolean => {
  let found = false
  if (from < to)
    doc.nodesBetween(from, to, (node) => {
      found ||= node.isText
      return !found
    })
  return found
}

/** The end of the last text inside `node` (its content starting at `start`), or null. */
const lastTextEnd = (node: PMNode, start: number): number | null => {
  let end = start + node.content.size
  for (let i = node.childCount - 1; i >= 0; i--) {
    const child = node.child(i)
    end -= child.nodeSize
    if (child.isText) return end + child.nodeSize
    const inner = lastTextEnd(child, end + 1)
    if (inner !== null) return inner
  }
  return null
}

/** The start of the first text inside `node` (its content starting at `start`), or null. */
const firstTextStart = (node: PMNode, start: number): number | null => {
  let pos = start
  for (let i = 0; i < node.childCount; i++) {
    const child = node.child(i)
    if (child.isText) return pos
    const inner = firstTextStart(child, pos + 1)
    if (inner !== null) return inner
    pos += child.nodeSize
  }
  return null
}

/**
 * The decorations after the top-level blocks around `range` were worked out again from the
 * Yjs items: those blocks' runs replace what was drawn there, and are joined with the runs
 * before and after them where one person's text continues, exactly as `decorateAuthors`
 * would have drawn them. Costs the blocks' items and the text up to the nearest words on
 * either side. Null when the Yjs fragment does not match the editor's blocks (then only a
 * whole pass can tell).
 */
const redecorateRange = (
  decorations: DecorationSet,
  doc: PMNode,
  fragment: Y.XmlFragment,
  input: AuthorshipInput,
  range: TextRange,
  unknown: number[],
): DecorationSet | null => {
  const $from = doc.resolve(range.from)
  const $to = doc.resolve(Math.max(range.from, range.to))
  const first = $from.index(0)
  // Between two blocks, `to` ends the one before; inside a block, that block is changed.
  const end = Math.max(first, $to.depth === 0 ? $to.index(0) : $to.index(0) + 1)
  const start = $from.posAtIndex(first, 0)
  const blockEnd = $to.posAtIndex(end, 0)
  const fresh = blockAuthorRuns(fragment, doc.type.schema, optionsOf(input, unknown), {
    from: first,
    to: end,
    pos: start,
  })
  if (!fresh || fresh.end !== blockEnd) return null
  // The nearest words outside the blocks: the runs there may continue into the blocks.
  let before: number | null = null
  for (let i = first - 1, pos = start; i >= 0 && before === null; i--) {
    pos -= doc.child(i).nodeSize
    before = lastTextEnd(doc.child(i), pos + 1)
  }
  let after: number | null = null
  for (let i = end, pos = blockEnd; i < doc.childCount && after === null; i++) {
    after = firstTextStart(doc.child(i), pos + 1)
    pos += doc.child(i).nodeSize
  }
  const old = decorations.find(before ?? start, after ?? blockEnd)
  // Each old run's parts outside the blocks: a run holds only its person's text.
  const pieces: AuthorRun[] = []
  for (const d of old) {
    const author = d.spec.author as string
    if (d.from < start && before !== null)
      pieces.push({ from: d.from, to: Math.min(d.to, before), author })
    if (d.to > blockEnd && after !== null)
      pieces.push({ from: Math.max(d.from, after), to: d.to, author })
  }
  pieces.push(...fresh.runs)
  pieces.sort((a, b) => a.from - b.from)
  const joined: AuthorRun[] = []
  for (const piece of pieces) {
    if (piece.from >= piece.to) continue
    const last = joined.at(-1)
    if (last && last.author === piece.author && !hasText(doc, last.to, piece.from))
      joined[joined.length - 1] = { ...last, to: Math.max(last.to, piece.to) }
    else joined.push(piece)
  }
  return decorations.remove(old).add(doc, decorationsOf(joined, doc, input))
}

/** Ranges sorted, overlapping or touching ones joined. */
const mergeRanges = (ranges: readonly TextRange[]): TextRange[] => {
  const merged: TextRange[] = []
  for (const range of [...ranges].sort((a, b) => a.from - b.from)) {
    const last = merged.at(-1)
    if (last && range.from <= last.to) last.to = Math.max(last.to, range.to)
    else merged.push({ ...range })
  }
  return merged
}

/**
 * The decorations after changes within `ranges` (positions in `doc`, which the Yjs fragment
 * now holds), worked out again for those ranges only: typing costs the changed block, not
 * the document. Null when only a whole pass can tell (`decorateAuthors`).
 */
export const redecorateAuthors = (
  decorations: DecorationSet,
  doc: PMNode,
  fragment: Y.XmlFragment,
  input: AuthorshipInput,
  ranges: readonly TextRange[],
  unknown: number[],
): DecorationSet | null => {
  let result: DecorationSet | null = decorations
  for (const range of mergeRanges(ranges)) {
    if (!result) return null
    result = redecorateRange(result, doc, fragment, input, range, unknown)
  }
  return result
}
