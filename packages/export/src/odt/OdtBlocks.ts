import type { Block, ExportClause, TableCell } from '../model/Block.js'
import { clauseHeadingPrefixInline } from '../model/clauseHeadingPrefix.js'
import { blockHeadingLevel, clauseLevel } from '../model/outlineLevel.js'
import { type GridSlot, tableGrid } from '../model/tableGrid.js'
import { type Child, element as e, fragment, type Markup } from '../xml.js'
import { type OdtText, odtBookmarkName, odtText } from './OdtText.js'

/** Outline level 2 (a clause) is the office suite's Heading 1: the title has the Title style. */
export const odtHeading = (outlineLevel: number, ...content: Child[]): Markup =>
  e(
    'text:h',
    { 'text:style-name': `Heading_20_${outlineLevel - 1}`, 'text:outline-level': outlineLevel - 1 },
    ...content,
  )

/** Blocks as ODF paragraphs, headings and lists; the list styles live in `odtStyles`. */
export class OdtBlocks {
  /** Whether a table was written, so content.xml carries the table styles. */
  wroteTables = false

  constructor(private readonly text: OdtText) {}

  clause(clause: ExportClause): Markup[] {
    const [prefix, ...heading] = this.text.inlines([
      clauseHeadingPrefixInline(clause),
      ...clause.heading,
    ])
    // The label is bookmarked, for the cross-references (`text:bookmark-ref`) to the clause.
    const name = clause.id ? odtBookmarkName(clause.id) : null
    return [
      odtHeading(
        clauseLevel(clause),
        name ? e('text:bookmark-start', { 'text:name': name }) : null,
        prefix ?? null,
        name ? e('text:bookmark-end', { 'text:name': name }) : null,
        ...heading,
      ),
      ...clause.children.flatMap((child) =>
        child.type === 'clause' ? this.clause(child) : [this.block(child)],
      ),
    ]
  }

  private codeText(text: string, block: Block & { type: 'code' }): Child {
    const name = block.change ? this.text.styleName({ change: block.change }) : null
    return name ? e('text:span', { 'text:style-name': name }, odtText(text)) : odtText(text)
  }

  block(block: Block, paragraphStyle = 'Text_20_body'): Markup {
    switch (block.type) {
      case 'paragraph':
        return e('text:p', { 'text:style-name': paragraphStyle }, this.text.inlines(block.inlines))
      case 'heading':
        return odtHeading(blockHeadingLevel(block.level), this.text.inlines(block.inlines))
      case 'list':
        return e(
          'text:list',
          { 'text:style-name': block.ordered ? 'L_number' : 'L_bullet' },
          block.items.map((item, i) =>
            e(
              'text:list-item',
              // Only the first item says where an ordered list starts; the rest count on.
              { 'text:start-value': block.ordered && i === 0 ? block.start : undefined },
              item.length > 0
                ? item.map((inner) => this.block(inner, 'List_20_Contents'))
                : e('text:p'),
            ),
          ),
        )
      case 'quote':
        return fragment(block.blocks.map((inner) => this.block(inner, 'Quotations')))
      case 'code':
        return e(
          'text:p',
          { 'text:style-name': 'Preformatted_20_Text' },
          this.codeText(block.text, block),
        )
      case 'rule':
        return e('text:p', { 'text:style-name': 'Horizontal_20_Line' })
      case 'table':
        return this.table(block.number, block.rows)
    }
  }

  /**
   * A `table:table`. ODF wants every grid place written: the places a merged cell covers are
   * `table:covered-table-cell`s. A first row of header cells is the table's header row, which
   * an office suite repeats on every page.
   */
  private table(number: number, rows: readonly TableCell[][]): Markup {
    this.wroteTables = true
    const grid = tableGrid(rows)
    const slot = (place: GridSlot): Markup => {
      if (place.kind === 'covered') return e('table:covered-table-cell')
      const { cell } = place
      return e(
        'table:table-cell',
        {
          'table:style-name': cell.header ? 'HeaderCell' : 'Cell',
          'table:number-columns-spanned': cell.colspan > 1 ? cell.colspan : undefined,
          'table:number-rows-spanned': cell.rowspan > 1 ? cell.rowspan : undefined,
          'office:value-type': 'string',
        },
        cell.blocks.length > 0
          ? cell.blocks.map((inner) => this.block(inner, 'Table_20_Contents'))
          : e('text:p'),
      )
    }
    const row = (places: readonly GridSlot[]) => e('table:table-row', {}, places.map(slot))
    const headed = (rows[0]?.length ?? 0) > 0 && rows[0]?.every((cell) => cell.header) === true
    const [first, ...rest] = grid
    return e(
      'table:table',
      { 'table:name': `Table${number}`, 'table:style-name': 'Tbl' },
      e('table:table-column', { 'table:number-columns-repeated': grid[0]?.length ?? 1 }),
      headed && first
        ? [e('table:table-header-rows', {}, row(first)), rest.map(row)]
        : grid.map(row),
    )
  }
}
