import type { Block, Inline } from '../model/Block.js'

/** A column of a bilingual copy. */
export type BilingualColumn = 'source' | 'translation'

/**
 * The name a clause's heading carries in one column of a bilingual copy, which that column's
 * cross-references link to: the column and the clause id apart by a '.', which no clause id
 * has, so the two columns never share a name and a reference stays in its own language.
 */
export const columnAnchor = (column: BilingualColumn, clauseId: string): string =>
  `${column}.${clauseId}`

/**
 * `inlines` with each cross-reference linking to its clause in `column` (`anchored`: the
 * clauses that column has a heading for); a reference to a clause the column lacks keeps its
 * label and loses its link, as a reference to a deleted clause does.
 */
export const anchorInlines = (
  inlines: readonly Inline[],
  column: BilingualColumn,
  anchored: ReadonlySet<string>,
): Inline[] =>
  inlines.map((inline) => {
    if (inline.kind === 'footnote')
      return { ...inline, inlines: anchorInlines(inline.inlines, column, anchored) }
    if (inline.kind !== 'text' || inline.marks.ref === undefined) return inline
    const { ref, ...marks } = inline.marks
    return {
      ...inline,
      marks: anchored.has(ref) ? { ...marks, ref: columnAnchor(column, ref) } : marks,
    }
  })

/** `blocks` with the references of every paragraph, list, quote and table cell as `anchorInlines` makes them. */
export const anchorBlocks = (
  blocks: readonly Block[],
  column: BilingualColumn,
  anchored: ReadonlySet<string>,
): Block[] =>
  blocks.map((block): Block => {
    switch (block.type) {
      case 'paragraph':
      case 'heading':
        return { ...block, inlines: anchorInlines(block.inlines, column, anchored) }
      case 'list':
        return { ...block, items: block.items.map((item) => anchorBlocks(item, column, anchored)) }
      case 'quote':
        return { ...block, blocks: anchorBlocks(block.blocks, column, anchored) }
      case 'table':
        return {
          ...block,
          rows: block.rows.map((row) =>
            row.map((cell) => ({ ...cell, blocks: anchorBlocks(cell.blocks, column, anchored) })),
          ),
        }
      default:
        // Code and rules hold no references.
        return block
    }
  })
