import type { JSONContent } from '@tiptap/core'
import { AknBlocks, aknLines, aknTracked } from './akn/aknBlocks.js'
import { aknMeta, SOURCE } from './akn/aknMeta.js'
import { articleEId, clauseEIds, paragraphEId } from './akn/clauseEIds.js'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime, isoDate } from './formatDate.js'
import type { Block, ExportClause, Inline } from './model/Block.js'
import { type ExportAppendix, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { wordsFor } from './words.js'
import { element as e, type Markup, xmlDocument } from './xml.js'

const AKN_NAMESPACE = 'http://docs.oasis-open.org/legaldocml/ns/akn/3.0'

/**
 * A clause is an `article` (its label in `num`, its heading in `heading`); each of its body
 * blocks is an unnumbered `paragraph`, each sub-clause a numbered one with its own heading.
 */
const article = (clause: ExportClause, akn: AknBlocks): Markup => {
  const eId = articleEId(clause)
  const child = (item: Block | ExportClause, index: number): Markup => {
    const paraId = paragraphEId(eId, index)
    if (item.type !== 'clause')
      return e('paragraph', { eId: paraId }, e('content', {}, akn.block(item)))
    const blocks = item.children.filter((c): c is Block => c.type !== 'clause')
    return e(
      'paragraph',
      { eId: paraId },
      e('num', {}, aknTracked(item.change, item.label)),
      item.heading.length > 0 ? e('heading', {}, akn.inlines(item.heading)) : null,
      blocks.length > 0 ? e('content', {}, akn.blocks(blocks)) : null,
    )
  }
  return e(
    'article',
    { eId },
    e('num', {}, aknTracked(clause.change, clause.label)),
    clause.heading.length > 0 ? e('heading', {}, akn.inlines(clause.heading)) : null,
    clause.children.map(child),
  )
}

/**
 * Blocks that stand between clauses (or make up a document without clauses) as `hcontainer`s:
 * a heading opens a new one and names it, the blocks after it are its content.
 */
const containers = (blocks: readonly Block[], counter: { n: number }, akn: AknBlocks): Markup[] => {
  const groups: { heading: Inline[] | null; blocks: Block[] }[] = []
  for (const block of blocks) {
    const open = groups.at(-1)
    if (block.type === 'heading') groups.push({ heading: block.inlines, blocks: [] })
    else if (open) open.blocks.push(block)
    else groups.push({ heading: null, blocks: [block] })
  }
  return groups.map((group) => {
    counter.n += 1
    return e(
      'hcontainer',
      { name: 'interstitial', eId: `hcontainer_${counter.n}` },
      group.heading ? e('heading', {}, akn.inlines(group.heading)) : null,
      group.blocks.length > 0 ? e('content', {}, akn.blocks(group.blocks)) : null,
    )
  })
}

/** The body in order: articles, and containers for the runs of blocks between them. */
const bodyParts = (
  items: readonly (Block | ExportClause)[],
  counter: { n: number },
  akn: AknBlocks,
): Markup[] => {
  const out: Markup[] = []
  let run: Block[] = []
  const flush = () => {
    out.push(...containers(run, counter, akn))
    run = []
  }
  for (const item of items) {
    if (item.type !== 'clause') {
      run.push(item)
      continue
    }
    flush()
    out.push(article(item, akn))
  }
  flush()
  return out
}

/** Which appendix a note comes from, as its class. */
const NOTE_CLASSES: Record<string, string> = {
  comments: 'comment',
  'carried-suggestions': 'carriedSuggestion',
  'carried-comments': 'carriedComment',
}

/**
 * The appendices (open threads; what a final text carried) as editorial notes, each placed
 * at its clause when the clause is in this text.
 */
const notes = (
  appendices: readonly ExportAppendix[],
  meta: ExportMeta,
  eIds: ReadonlyMap<string, string>,
): Markup | null => {
  const all = appendices.flatMap((part) =>
    part.entries.map((entry) => ({ entry, kind: NOTE_CLASSES[part.id] ?? part.id })),
  )
  if (all.length === 0) return null
  const words = wordsFor(meta.language)
  return e(
    'notes',
    { source: SOURCE },
    all.map(({ entry: comment, kind }, i) =>
      e(
        'note',
        {
          eId: `note_${i + 1}`,
          class: kind,
          placementBase: (comment.clauseId && eIds.get(comment.clauseId)) || undefined,
        },
        e(
          'p',
          {},
          e('b', {}, comment.clauseLabel ?? words.noClause),
          comment.quote ? `: «${comment.quote}»` : '',
        ),
        comment.messages.map((message) => [
          e('p', {}, e('b', {}, message.author), `, ${dateTime(message.createdAt, meta.language)}`),
          e('p', {}, aknLines(message.body)),
        ]),
      ),
    ),
  )
}

/**
 * Akoma Ntoso 3.0 (OASIS LegalDocML) XML: an `act` whose preface holds the title and the
 * blocks before the first clause, whose body holds one `article` per clause, and whose
 * conclusions hold the blocks after the last clause.
 */
export const toAkomaNtoso = (json: JSONContent, given: ExportMeta): string => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  // Known before any text is written: a reference may come before its clause.
  const eIds = clauseEIds(model.body)
  const akn = new AknBlocks(eIds)
  const counter = { n: 0 }
  // The body must hold something: a text without clauses is all one container.
  const loose = model.body.length === 0
  const body = bodyParts(loose ? model.preface : model.body, counter, akn)
  const preface = e(
    'preface',
    {},
    e('p', { class: 'title' }, e('docTitle', {}, lines.title)),
    e(
      'p',
      { class: 'version' },
      e('docStage', {}, lines.version),
      ', ',
      e('docDate', { date: isoDate(meta.date) }, lines.date),
    ),
    loose ? null : akn.blocks(model.preface),
  )
  const act = e(
    'act',
    { name: 'standard' },
    aknMeta(meta, notes(model.appendices, meta, eIds)),
    preface,
    e('body', {}, body),
    model.conclusions.length > 0 ? e('conclusions', {}, akn.blocks(model.conclusions)) : null,
  )
  return `${xmlDocument(e('akomaNtoso', { xmlns: AKN_NAMESPACE }, act))}\n`
}
