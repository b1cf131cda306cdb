import type {
  Block,
  ExportClause,
  FootnoteInline,
  Inline,
  TableCell,
  TrackedChange,
} from '../model/Block.js'
import { clauseHeadingPrefixInline } from '../model/clauseHeadingPrefix.js'
import { blockHeadingLevel, clauseLevel } from '../model/outlineLevel.js'
import { type Child, fragment, htmlElement as h, type Markup } from '../xml.js'

/**
 * A suggested passage as `ins` or `del`: coloured and underlined or struck through (never
 * colour alone), the author and time in the tooltip and the time in `datetime`.
 */
const tracked = (change: TrackedChange | undefined, content: Child): Child => {
  if (!change) return content
  const when = change.at?.toISOString()
  return h(
    change.kind === 'insertion' ? 'ins' : 'del',
    {
      class: 'suggestion',
      datetime: when,
      title: [change.author, when?.slice(0, 16).replace('T', ' ')].filter(Boolean).join(', '),
    },
    content,
  )
}

/** The reference mark: a superscript number linking to the note, and back (DPUB-ARIA roles). */
const footnoteReference = (note: FootnoteInline): Child =>
  h(
    'sup',
    { class: 'footnote-ref' },
    h(
      'a',
      { href: `#fn-${note.number}`, id: `fnref-${note.number}`, role: 'doc-noteref' },
      String(note.number),
    ),
  )

const inline = (item: Inline): Child => {
  if (item.kind === 'break') return h('br')
  if (item.kind === 'footnote') return footnoteReference(item)
  const { marks } = item
  let out: Child = item.text
  if (marks.code) out = h('code', {}, out)
  if (marks.bold) out = h('strong', {}, out)
  if (marks.italic) out = h('em', {}, out)
  if (marks.underline) out = h('u', {}, out)
  if (marks.strike) out = h('s', {}, out)
  if (marks.href) out = h('a', { href: marks.href, rel: 'noopener noreferrer' }, out)
  // A cross-reference: to the clause's section (`htmlClause` gives it this id).
  if (marks.ref) out = h('a', { href: `#clause-${marks.ref}`, class: 'clause-ref' }, out)
  return tracked(marks.change, out)
}

export const htmlInlines = (inlines: readonly Inline[]): Markup => fragment(inlines.map(inline))

const htmlCell = (cell: TableCell): Markup =>
  h(
    cell.header ? 'th' : 'td',
    {
      colspan: cell.colspan > 1 ? cell.colspan : undefined,
      rowspan: cell.rowspan > 1 ? cell.rowspan : undefined,
      scope: cell.header ? 'col' : undefined,
    },
    cell.blocks.map(htmlBlock),
  )

/** The notes after the text, each linking back to its mark. */
export const htmlFootnotes = (notes: readonly FootnoteInline[]): Markup | null =>
  notes.length === 0
    ? null
    : h(
        'section',
        { class: 'footnotes', role: 'doc-endnotes' },
        h('hr'),
        h(
          'ol',
          {},
          notes.map((note) =>
            h(
              'li',
              { id: `fn-${note.number}`, value: note.number },
              htmlInlines(note.inlines),
              ' ',
              // The classes markdown-it-footnote uses, so readers of its HTML read this one too.
              h(
                'a',
                { href: `#fnref-${note.number}`, class: 'footnote-backref', role: 'doc-backlink' },
                '↩',
              ),
            ),
          ),
        ),
      )

export const htmlBlock = (block: Block): Markup => {
  switch (block.type) {
    case 'paragraph':
      return h('p', {}, htmlInlines(block.inlines))
    case 'heading':
      return h(`h${blockHeadingLevel(block.level)}`, {}, htmlInlines(block.inlines))
    case 'list': {
      const items = block.items.map((item) => h('li', {}, item.map(htmlBlock)))
      if (!block.ordered) return h('ul', {}, items)
      return h('ol', { start: block.start === 1 ? undefined : block.start }, items)
    }
    case 'quote':
      return h('blockquote', {}, block.blocks.map(htmlBlock))
    case 'code':
      return h('pre', {}, tracked(block.change, h('code', {}, block.text)))
    case 'rule':
      return h('hr', { class: block.change ? `suggestion-${block.change.kind}` : undefined })
    case 'table':
      return h(
        'table',
        { class: block.change ? `suggestion-${block.change.kind}` : undefined },
        h(
          'tbody',
          {},
          block.rows.map((row) => h('tr', {}, row.map(htmlCell))),
        ),
      )
  }
}

/**
 * A clause as a section named by its heading, so screen readers list clauses by number.
 * `after` adds content after each clause's own text, before its first sub-clause (the public
 * consultation page puts a clause's comments and its comment link there).
 */
export const htmlClause = (
  clause: ExportClause,
  after?: (clause: ExportClause) => Child,
): Markup => {
  const firstSubclause = clause.children.findIndex((child) => child.type === 'clause')
  const headingId = clause.id ? `clause-${clause.id}-heading` : undefined
  return h(
    'section',
    {
      class: clause.level === 1 ? 'clause' : 'subclause',
      id: clause.id ? `clause-${clause.id}` : undefined,
      'aria-labelledby': headingId,
    },
    h(
      `h${clauseLevel(clause)}`,
      { id: headingId },
      h('span', { class: 'clause-label' }, inline(clauseHeadingPrefixInline(clause))),
      htmlInlines(clause.heading),
    ),
    clause.children.map((child, i) =>
      child.type === 'clause'
        ? [i === firstSubclause ? after?.(clause) : null, htmlClause(child, after)]
        : htmlBlock(child),
    ),
    firstSubclause === -1 ? after?.(clause) : null,
  )
}
