import type { Block, Inline, TableCell, TrackedChange } from '../model/Block.js'
import { type Child, element as e, type Markup } from '../xml.js'

/** Text with its line breaks as Akoma Ntoso `eol` markers. */
export const aknLines = (text: string): Child[] =>
  text.split('\n').flatMap((line, i) => (i === 0 ? [line] : [e('eol'), line]))

/**
 * A suggested passage as Akoma Ntoso's editorial `ins` or `del`; who suggested it and when
 * go in `title`, the one free-text attribute these inline elements have.
 */
export const aknTracked = (change: TrackedChange | undefined, content: Child): Child => {
  if (!change) return content
  const when = change.at?.toISOString()
  return e(
    change.kind === 'insertion' ? 'ins' : 'del',
    { class: 'suggestion', title: [change.author, when].filter(Boolean).join(', ') },
    content,
  )
}

/** The `eId` of the clause or sub-clause with this id, for cross-references to it. */
export type ClauseEIds = ReadonlyMap<string, string>

/**
 * Writes blocks and inline content as Akoma Ntoso. It knows the `eId` of every clause, so that
 * a cross-reference is a `ref` to its clause's element.
 */
export class AknBlocks {
  constructor(private readonly eIds: ClauseEIds) {}

  private inline(item: Inline): Child {
    if (item.kind === 'break') return e('eol')
    if (item.kind === 'footnote')
      return e(
        'authorialNote',
        { marker: String(item.number), placement: 'bottom', eId: `authorialNote_${item.number}` },
        e('p', {}, this.inlines(item.inlines)),
      )
    const { marks } = item
    let out: Child = item.text
    if (marks.code) out = e('span', { class: 'code' }, out)
    if (marks.bold) out = e('b', {}, out)
    if (marks.italic) out = e('i', {}, out)
    if (marks.underline) out = e('u', {}, out)
    if (marks.strike) out = e('span', { class: 'strike' }, out)
    if (marks.href) out = e('a', { href: marks.href }, out)
    const target = marks.ref ? this.eIds.get(marks.ref) : undefined
    if (target) out = e('ref', { href: `#${target}` }, out)
    return aknTracked(marks.change, out)
  }

  inlines(inlines: readonly Inline[]): Child[] {
    return inlines.map((item) => this.inline(item))
  }

  /** `li` holds only `p`, `ul` and `ol`: other blocks inside a list item become classed `p`s. */
  private listItemContent(block: Block): Markup[] {
    return block.type === 'quote'
      ? block.blocks.flatMap((inner) => this.listItemContent(inner))
      : [this.block(block)]
  }

  private cell(cell: TableCell): Markup {
    return e(
      cell.header ? 'th' : 'td',
      {
        colspan: cell.colspan > 1 ? String(cell.colspan) : undefined,
        rowspan: cell.rowspan > 1 ? String(cell.rowspan) : undefined,
      },
      cell.blocks.length > 0 ? this.blocks(cell.blocks) : e('p'),
    )
  }

  blocks(blocks: readonly Block[]): Markup[] {
    return blocks.map((block) => this.block(block))
  }

  /** One block as Akoma Ntoso block elements (what `content`, `preface` and `conclusions` hold). */
  block(block: Block): Markup {
    switch (block.type) {
      case 'paragraph':
        return e('p', {}, this.inlines(block.inlines))
      case 'heading':
        return e('p', { class: `heading level-${block.level}` }, this.inlines(block.inlines))
      case 'list': {
        const items = block.items.map((item, i) =>
          e(
            'li',
            { value: block.ordered ? String(block.start + i) : undefined },
            item.flatMap((inner) => this.listItemContent(inner)),
          ),
        )
        return e(block.ordered ? 'ol' : 'ul', {}, items)
      }
      case 'quote':
        return e(
          'blockContainer',
          { class: 'quote' },
          block.blocks.length > 0 ? this.blocks(block.blocks) : e('p'),
        )
      case 'code':
        return e('p', { class: 'code' }, aknTracked(block.change, aknLines(block.text)))
      case 'rule':
        return e('p', { class: block.change ? `rule suggestion-${block.change.kind}` : 'rule' })
      case 'table':
        return e(
          'table',
          {
            eId: `table_${block.number}`,
            class: block.change ? `suggestion-${block.change.kind}` : undefined,
          },
          block.rows.map((row) =>
            e(
              'tr',
              {},
              row.map((cell) => this.cell(cell)),
            ),
          ),
        )
    }
  }
}
