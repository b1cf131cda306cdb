import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from '../ExportMeta.js'
import type { Block, ExportClause, Inline } from '../model/Block.js'
import { clauseHeadingPrefixInline } from '../model/clauseHeadingPrefix.js'
import { exportModel } from '../model/exportModel.js'
import { anchorBlocks, anchorInlines, type BilingualColumn, columnAnchor } from './columnAnchors.js'

/**
 * One side of a row: a clause's labelled heading ('Статья 3. Сфера'; none for the preface)
 * and its blocks, their cross-references linking within this column (`columnAnchor`).
 */
export interface BilingualCell {
  heading: Inline[] | null
  /** The name the heading carries, which this column's references link to; null for the preface. */
  anchor: string | null
  blocks: Block[]
}

/** A clause (or the preface) beside its translation, tied by clause id. */
export interface BilingualRow {
  clauseId: string | null
  level: 1 | 2
  source: BilingualCell
  /** Null when the translation does not have the clause (a structural change not applied). */
  target: BilingualCell | null
}

const cellOf = (
  clause: ExportClause,
  column: BilingualColumn,
  anchored: ReadonlySet<string>,
): BilingualCell => ({
  heading: anchorInlines([clauseHeadingPrefixInline(clause), ...clause.heading], column, anchored),
  anchor: columnAnchor(column, clause.id),
  blocks: anchorBlocks(
    clause.children.filter((child): child is Block => child.type !== 'clause'),
    column,
    anchored,
  ),
})

/** Every clause and sub-clause of a model, in reading order. */
const flatten = (items: readonly (Block | ExportClause)[]): ExportClause[] =>
  items.flatMap((item) =>
    item.type === 'clause'
      ? [item, ...flatten(item.children.filter((c) => c.type === 'clause'))]
      : [],
  )

/**
 * The rows of a bilingual copy: the prefaces side by side, then every clause of the source
 * in source order with the translation's clause of the same id, each labelled in its own
 * language. Blocks between clauses and after the last one go with the preface row.
 */
export const bilingualRows = (
  source: { content: JSONContent; meta: ExportMeta },
  target: { content: JSONContent; meta: ExportMeta },
): { rows: BilingualRow[]; sourceMeta: ExportMeta; targetMeta: ExportMeta } => {
  const left = exportModel(source.content, source.meta)
  const right = exportModel(target.content, target.meta)
  const loose = (model: typeof left): Block[] => [
    ...model.preface,
    ...model.body.filter((item): item is Block => item.type !== 'clause'),
    ...model.conclusions,
  ]
  const translated = new Map(flatten(right.body).map((clause) => [clause.id, clause]))
  const sourceClauses = flatten(left.body)
  // The clauses each column has a heading for: every source clause; the translation's that
  // stand in a row (a clause only the translation has is in no row).
  const inSource = new Set(sourceClauses.map((clause) => clause.id))
  const inTranslation = new Set([...inSource].filter((id) => translated.has(id)))
  const rows: BilingualRow[] = []
  const leftLoose = loose(left)
  const rightLoose = loose(right)
  if (leftLoose.length + rightLoose.length > 0) {
    rows.push({
      clauseId: null,
      level: 1,
      source: { heading: null, anchor: null, blocks: anchorBlocks(leftLoose, 'source', inSource) },
      target: {
        heading: null,
        anchor: null,
        blocks: anchorBlocks(rightLoose, 'translation', inTranslation),
      },
    })
  }
  for (const clause of sourceClauses) {
    const other = translated.get(clause.id)
    rows.push({
      clauseId: clause.id,
      level: clause.level,
      source: cellOf(clause, 'source', inSource),
      target: other ? cellOf(other, 'translation', inTranslation) : null,
    })
  }
  return { rows, sourceMeta: left.meta, targetMeta: right.meta }
}
