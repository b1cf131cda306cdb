import {
  baseTransform,
  ClauseNode,
  clauseNumbersById,
  documentSchema,
  formatClauseLabel,
  type NumberedClause,
  numberedClauses,
  referenceTarget,
  removeMarkers,
} from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { Transform } from '@tiptap/pm/transform'
import type {
  ExportCarriedSuggestion,
  ExportCommentMessage,
  ExportMeta,
  ExportThread,
} from '../ExportMeta.js'
import { type Words, wordsFor } from '../words.js'
import { anchorComments, type ThreadToPlace } from './anchorComments.js'
import type { Block, ExportClause, FootnoteInline, TrackedChange } from './Block.js'
import { inlineText } from './inlineText.js'
import { numberInReadingOrder } from './numberInReadingOrder.js'
import { blockChange, readBlock, readInlines } from './readBlocks.js'
import { xmlSafe, xmlSafeMapping } from './xmlSafe.js'

/** A thread of the appendix, with the label of its clause in the exported text. */
export interface ExportComment {
  clauseId: string | null
  /** 'Статья 2', or null when the clause is not in this text (or there was none). */
  clauseLabel: string | null
  quote: string
  messages: readonly ExportCommentMessage[]
}

/** One appendix after the text: a heading and its entries, each on a clause. */
export interface ExportAppendix {
  /** A stable name for anchors and ids ('comments', 'carried-suggestions', …). */
  id: string
  heading: string
  entries: ExportComment[]
}

/**
 * A document ready to be written in any format. Blocks before the first clause are the
 * preface, blocks after the last one the conclusions; `body` runs from the first clause to
 * the last, with the blocks that stand between clauses in place.
 */
export interface ExportModel {
  /** The metadata as given, every string cleaned like the text (writers read this one). */
  meta: ExportMeta
  preface: Block[]
  body: (Block | ExportClause)[]
  conclusions: Block[]
  /** Every footnote in reading order, numbered: for the formats that write notes at the end. */
  footnotes: FootnoteInline[]
  /** The ids of the clauses that cross-references in this text point to. */
  referenced: ReadonlySet<string>
  /** The open threads of a review copy. */
  comments: ExportComment[]
  /** Indexes of the `comments` whose words were found in the text (and marked there). */
  placedComments: ReadonlySet<number>
  /** What follows the text, in order; only those with entries. */
  appendices: ExportAppendix[]
}

const isBlock = (item: Block | ExportClause): item is Block => item.type !== 'clause'

const idOf = (node: PMNode): string => (typeof node.attrs.id === 'string' ? node.attrs.id : '')

/** Builds clauses from the numbering that the editor itself uses, so numbers never disagree. */
class ClauseReader {
  private readonly numbers = new Map<PMNode, NumberedClause>()

  constructor(
    doc: PMNode,
    private readonly meta: ExportMeta,
  ) {
    for (const found of numberedClauses(doc)) this.numbers.set(found.node, found)
  }

  /** The clause `node`, which stands at `pos` in the text. */
  read(node: PMNode, pos: number, inherited?: TrackedChange): ExportClause {
    const change = blockChange(node) ?? inherited
    const numbered = this.numbers.get(node)
    const number = numbered?.number ?? ''
    const clause: ExportClause = {
      type: 'clause',
      id: idOf(node),
      level: numbered?.level ?? 1,
      number,
      label: formatClauseLabel(number, this.meta.clauseLabel, this.meta.language),
      heading: [],
      ...(change ? { change } : {}),
      children: [],
    }
    node.forEach((child, offset) => {
      const at = pos + 1 + offset
      if (child.type.name === ClauseNode.heading)
        clause.heading = readInlines(child, change, at + 1)
      else if (child.type.name === ClauseNode.subclause)
        clause.children.push(this.read(child, at, change))
      else clause.children.push(readBlock(child, at, change))
    })
    return clause
  }
}

const isEmptyParagraph = (block: Block | undefined): boolean =>
  block?.type === 'paragraph' && inlineText(block.inlines).trim() === ''

/** A new document starts with an empty paragraph; at the edges of the text it carries nothing. */
const trimEmpty = (blocks: Block[]): Block[] => {
  const start = blocks.findIndex((block) => !isEmptyParagraph(block))
  if (start === -1) return []
  const end = blocks.findLastIndex((block) => !isEmptyParagraph(block))
  return blocks.slice(start, end + 1)
}

/** The document's own title heading would repeat the title that every export starts with. */
const repeatsTitle = (block: Block | undefined, title: string): boolean =>
  block?.type === 'heading' &&
  inlineText(block.inlines).trim().toLocaleLowerCase() === title.trim().toLocaleLowerCase()

const labelsById = (body: readonly (Block | ExportClause)[]): Map<string, string> => {
  const labels = new Map<string, string>()
  const visit = (items: readonly (Block | ExportClause)[]) => {
    for (const item of items) {
      if (item.type !== 'clause') continue
      labels.set(item.id, item.label)
      visit(item.children)
    }
  }
  visit(body)
  return labels
}

/**
 * The text an export writes, as the transform that makes it from the given text (its mapping
 * carries the threads' words along). Clean: every open suggestion rejected (`baseDocument`),
 * which is the text as agreed so far, the one the suggestions were made against; accepting
 * them all instead would publish what nobody has agreed to. Tracked: the text with its
 * suggestions, which the walk reads as tracked changes; only the zero-width markers go.
 */
const textToExport = (json: JSONContent, meta: ExportMeta): Transform => {
  const doc = documentSchema().nodeFromJSON(json)
  return meta.suggestions === 'tracked' ? removeMarkers(new Transform(doc)) : baseTransform(doc)
}

/**
 * The threads with their ranges carried from the given text into the exported one (through
 * the characters XML cannot hold, then what the export leaves out); a thread keeps none when
 * it had none, it did not fit the given text, or every word of it was a suggestion that this
 * text leaves out.
 */
const carried = (
  threads: readonly ExportThread[],
  json: JSONContent,
  text: Transform,
): ThreadToPlace[] => {
  const cleaned = threads.some((thread) => thread.range) ? xmlSafeMapping(json) : undefined
  const size = text.before.content.size
  return threads.map(({ clauseId, quote, range }) => {
    const given = range &&
      cleaned && { from: cleaned.map(range.from, 1), to: cleaned.map(range.to, -1) }
    if (!given || given.from < 0 || given.to > size) return { clauseId, quote }
    const from = text.mapping.map(given.from, 1)
    const to = text.mapping.map(given.to, -1)
    return to > from ? { clauseId, quote, range: { from, to } } : { clauseId, quote }
  })
}

/**
 * The shared walk over a document (ProseMirror JSON, as `docToJSON` gives it): numbered
 * clauses with their labels, the preface and conclusions around them, and the open threads
 * tied to the labels of this text. Open suggestions are left out or kept as tracked changes
 * as `meta.suggestions` says.
 *
 * Every string that reaches a writer passes here first and loses the characters XML 1.0
 * forbids (`xmlSafe`): the text, its attributes (link targets, suggestion authors, ids) and
 * every field of the metadata and the threads. One step for all formats and fields, so no
 * writer and no new field can let one through.
 */
export const exportModel = (json: JSONContent, given: ExportMeta): ExportModel => {
  const meta = xmlSafe(given)
  const text = textToExport(xmlSafe(json), meta)
  const { doc } = text
  const clauses = new ClauseReader(doc, meta)
  const top: (Block | ExportClause)[] = []
  doc.forEach((node, pos) => {
    top.push(node.type.name === ClauseNode.clause ? clauses.read(node, pos) : readBlock(node, pos))
  })
  const first = top.findIndex((item) => item.type === 'clause')
  const last = top.findLastIndex((item) => item.type === 'clause')
  const preface = trimEmpty((first === -1 ? top : top.slice(0, first)).filter(isBlock))
  const body = first === -1 ? [] : top.slice(first, last + 1)
  const conclusions = trimEmpty((first === -1 ? [] : top.slice(last + 1)).filter(isBlock))
  if (repeatsTitle(preface[0], meta.title)) preface.shift()
  // On the text as written: a thread on words this export leaves out (the repeated title) is
  // only in the appendix, never half-placed.
  const placedComments = anchorComments(
    [...preface, ...body, ...conclusions],
    carried(meta.threads ?? [], json, text),
  )
  const labels = labelsById(body)
  const labelled = (thread: ExportThread): ExportComment => ({
    clauseId: thread.clauseId,
    clauseLabel: (thread.clauseId && labels.get(thread.clauseId)) || null,
    quote: thread.quote,
    messages: thread.messages,
  })
  const words = wordsFor(meta.language)
  const comments = (meta.threads ?? []).map(labelled)
  const appendices: ExportAppendix[] = [
    { id: 'comments', heading: words.openComments, entries: comments },
    {
      id: 'carried-suggestions',
      heading: words.carriedSuggestions,
      entries: (meta.carried?.suggestions ?? []).map((s) => labelled(suggestionNote(s, words))),
    },
    {
      id: 'carried-comments',
      heading: words.carriedComments,
      entries: (meta.carried?.comments ?? []).map(labelled),
    },
  ].filter((appendix) => appendix.entries.length > 0)
  const numbers = clauseNumbersById(doc)
  const referenced = new Set<string>()
  const footnotes = numberInReadingOrder([preface, body, conclusions], (id) => {
    const target = referenceTarget(numbers, id, meta.clauseLabel, meta.language)
    if (target.number !== null) referenced.add(id)
    return target
  })
  return {
    meta,
    preface,
    body,
    conclusions,
    footnotes,
    referenced,
    comments,
    placedComments,
    appendices,
  }
}

/** A carried suggestion as an appendix entry: its author, and what it would take out and put in. */
const suggestionNote = (s: ExportCarriedSuggestion, words: Words): ExportThread => ({
  clauseId: s.clauseId,
  quote: '',
  messages: [
    {
      author: s.author,
      createdAt: s.at,
      body: [
        s.deleted ? `${words.suggestedDeletion}: «${s.deleted}»` : '',
        s.inserted ? `${words.suggestedInsertion}: «${s.inserted}»` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    },
  ],
})
