import { isValidClauseId } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { type Mark, type Node as MdNode, Schema } from '@tiptap/pm/model'
import {
  schema as commonMark,
  defaultMarkdownSerializer,
  MarkdownSerializer,
} from 'prosemirror-markdown'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import { serializeByHeadings } from './markdown/serializeByHeadings.js'
import type { Block, ExportClause, FootnoteInline, Inline, TableCell } from './model/Block.js'
import { clauseHeadingPrefixInline } from './model/clauseHeadingPrefix.js'
import { type ExportAppendix, exportModel } from './model/exportModel.js'
import { blockHeadingLevel, clauseLevel } from './model/outlineLevel.js'
import { type GridSlot, tableGrid } from './model/tableGrid.js'
import { titleLines } from './model/titleLines.js'
import { wordsFor } from './words.js'

/*
 * The export is built as a document of prosemirror-markdown's CommonMark schema and written
 * by its serializer, which knows Markdown's escaping and list rules. CommonMark has no
 * underline or strike-through, so those marks leave their text plain. A review copy writes
 * suggestions in CriticMarkup, `{++added++}` and `{--removed--}`, which stays readable as
 * plain text and which some editors and renderers show as tracked changes.
 */

type CommonMarkNames = typeof commonMark extends Schema<infer N, infer M> ? [N, M] : never
/**
 * GFM's tables and footnotes on top of CommonMark: a table of rows of inline cells, a
 * footnote's mark `[^n]` and its note `[^n]: …` at the end, and a line break inside a cell
 * (`<br>`, since a cell is one line). And a clause's heading, which opens with an anchor
 * `<a id="clause-…"></a>` when cross-references (`[Article 3](#clause-…)`) link to it:
 * CommonMark gives headings no ids of their own (and a text without references stays free
 * of HTML).
 */
const gfmNodes = {
  table: { content: 'table_row+', group: 'block' },
  table_row: { content: 'table_cell+' },
  table_cell: { content: 'inline*' },
  cell_break: { inline: true, group: 'inline' },
  footnote_ref: { inline: true, group: 'inline', atom: true, attrs: { number: {} } },
  footnote_def: { content: 'inline*', group: 'block', attrs: { number: {} } },
  clause_heading: { content: '(text | image)*', group: 'block', attrs: { level: {}, id: {} } },
}

const md = new Schema<
  CommonMarkNames[0] | keyof typeof gfmNodes,
  CommonMarkNames[1] | 'insertion' | 'deletion'
>({
  nodes: commonMark.spec.nodes.append(gfmNodes),
  marks: commonMark.spec.marks.append({ insertion: {}, deletion: {} }),
})

/**
 * What the serializer escapes besides its own rules. Those escape inline syntax everywhere
 * but block markers only at the very start of a block, not after indentation and not on a
 * line that follows a line break (a comment's second line), and they miss `1)`, `2.` ending
 * a line, `+` before a tab, `=` underlines, and a `#` closing a heading. The serializer
 * applies this to every line of every text (each line is its own string), so:
 * - anywhere: `<`, `>` and `&` (a renderer that passes HTML through shows `<script>` as
 *   text; a `>` the serializer has escaped already is left alone) and `|` (GFM tables);
 * - at the start of a line, after any indentation: the markers of headings, lists, setext
 *   underlines and thematic breaks, and the `.` or `)` of an ordered list's number;
 * - a `#` ending a line, which a heading would drop as its closing sequence.
 * Each is ASCII punctuation, which a backslash turns into itself, so an extra escape shows
 * nothing.
 */
const ESCAPE_EXTRA =
  /[<&|]|(?<!\\)>|(?<=^[ \t]*)[#+\-=]|(?<=^[ \t]*\d{1,9})[.)](?=[ \t]|$)|#(?=[ \t]*$)/g

const serializer = new MarkdownSerializer(
  {
    ...defaultMarkdownSerializer.nodes,
    table: (state, node) => {
      node.forEach((row, _, r) => {
        row.forEach((cell) => {
          state.write('| ')
          state.renderInline(cell)
          state.write(' ')
        })
        state.write('|')
        state.ensureNewLine()
        if (r === 0) {
          state.write(`|${' --- |'.repeat(row.childCount)}`)
          state.ensureNewLine()
        }
      })
      state.closeBlock(node)
    },
    table_row: () => {},
    table_cell: () => {},
    cell_break: (state) => state.write('<br>'),
    footnote_ref: (state, node) => state.write(`[^${node.attrs.number}]`),
    clause_heading: (state, node) => {
      // Clause ids are URL-safe (`isValidClauseId`), so the attribute needs no escaping.
      const anchor = isValidClauseId(node.attrs.id) ? `<a id="clause-${node.attrs.id}"></a>` : ''
      state.write(`${'#'.repeat(node.attrs.level)} ${anchor}`)
      state.renderInline(node)
      state.closeBlock(node)
    },
    footnote_def: (state, node) => {
      state.write(`[^${node.attrs.number}]: `)
      state.renderInline(node)
      state.closeBlock(node)
    },
  },
  {
    ...defaultMarkdownSerializer.marks,
    insertion: { open: '{++', close: '++}', mixable: true, expelEnclosingWhitespace: true },
    deletion: { open: '{--', close: '--}', mixable: true, expelEnclosingWhitespace: true },
  },
  { escapeExtraCharacters: ESCAPE_EXTRA },
)

const text = (value: string, marks: readonly Mark[] = []): MdNode[] =>
  value === '' ? [] : [md.text(value, marks)]

const marksOf = (inline: Inline & { kind: 'text' }): Mark[] => {
  const marks: Mark[] = []
  if (inline.marks.bold) marks.push(md.marks.strong.create())
  if (inline.marks.italic) marks.push(md.marks.em.create())
  if (inline.marks.code) marks.push(md.marks.code.create())
  if (inline.marks.href) marks.push(md.marks.link.create({ href: inline.marks.href }))
  if (inline.marks.ref && isValidClauseId(inline.marks.ref))
    marks.push(md.marks.link.create({ href: `#clause-${inline.marks.ref}` }))
  if (inline.marks.change) marks.push(md.marks[inline.marks.change.kind].create())
  return marks
}

const inlines = (items: readonly Inline[], lineBreak = md.nodes.hard_break): MdNode[] =>
  items.flatMap((item) => {
    if (item.kind === 'break') return [lineBreak.create()]
    if (item.kind === 'footnote') return [md.nodes.footnote_ref.create({ number: item.number })]
    return text(item.text, marksOf(item))
  })

/** A cell's paragraphs on its one line, apart by `<br>`; a merged cell's other places stay empty. */
const cellContent = (slot: GridSlot): MdNode[] => {
  if (slot.kind === 'covered') return []
  return slot.cell.blocks.flatMap((item, i) => [
    ...(i > 0 ? [md.nodes.cell_break.create()] : []),
    ...(item.type === 'paragraph' ? inlines(item.inlines, md.nodes.cell_break) : []),
  ])
}

/**
 * A GFM table. GFM has no merged cells, so a merged cell's text stands in its first place and
 * the places it covers stay empty; and a GFM table opens with a header row, empty when the
 * table has none.
 */
const table = (rows: readonly TableCell[][]): MdNode => {
  const grid = tableGrid(rows)
  const row = (slots: readonly GridSlot[]) =>
    md.nodes.table_row.createChecked(
      null,
      slots.map((slot) => md.nodes.table_cell.createChecked(null, cellContent(slot))),
    )
  const hasHeader = rows[0]?.length !== 0 && rows[0]?.every((cell) => cell.header) === true
  const width = grid[0]?.length ?? 0
  const emptyHeader = Array.from(
    { length: width },
    (): GridSlot => ({ kind: 'covered', by: EMPTY_CELL }),
  )
  return md.nodes.table.createChecked(null, [
    ...(hasHeader ? [] : [row(emptyHeader)]),
    ...grid.map(row),
  ])
}

const EMPTY_CELL: TableCell = { header: false, colspan: 1, rowspan: 1, blocks: [] }

const footnotes = (notes: readonly FootnoteInline[]): MdNode[] =>
  notes.map((note) =>
    md.nodes.footnote_def.createChecked({ number: note.number }, inlines(note.inlines)),
  )

const paragraph = (content: MdNode[]): MdNode => md.nodes.paragraph.createChecked(null, content)
const heading = (level: number, content: MdNode[]): MdNode =>
  md.nodes.heading.createChecked({ level }, content)

/** A list item must open with a paragraph in CommonMark's schema. */
const listItem = (blocks: readonly Block[]): MdNode => {
  const content = blocks.map(block)
  if (content[0]?.type !== md.nodes.paragraph) content.unshift(paragraph([]))
  return md.nodes.list_item.createChecked(null, content)
}

const block = (item: Block): MdNode => {
  switch (item.type) {
    case 'paragraph':
      return paragraph(inlines(item.inlines))
    case 'heading':
      return heading(blockHeadingLevel(item.level), inlines(item.inlines))
    case 'list': {
      const items = item.items.map(listItem)
      // CommonMark lets only a list numbered from 1 interrupt a paragraph: one numbered from
      // elsewhere inside an item needs the blank line before it that only a loose list has.
      const tight = !item.items.some((blocks) =>
        blocks.some((b, i) => i > 0 && b.type === 'list' && b.ordered && b.start !== 1),
      )
      return item.ordered
        ? md.nodes.ordered_list.createChecked({ order: item.start, tight }, items)
        : md.nodes.bullet_list.createChecked({ tight }, items)
    }
    case 'quote':
      return md.nodes.blockquote.createChecked(
        null,
        item.blocks.length > 0 ? item.blocks.map(block) : [paragraph([])],
      )
    case 'code':
      return md.nodes.code_block.createChecked(null, text(item.text))
    case 'rule':
      return md.nodes.horizontal_rule.createChecked()
    case 'table':
      return table(item.rows)
  }
}

/** A clause; `referenced` are the ids that cross-references link to, which get an anchor. */
const clause = (item: ExportClause, referenced: ReadonlySet<string>): MdNode[] => [
  md.nodes.clause_heading.createChecked(
    { level: clauseLevel(item), id: referenced.has(item.id) ? item.id : null },
    inlines([clauseHeadingPrefixInline(item), ...item.heading]),
  ),
  ...item.children.flatMap((child) =>
    child.type === 'clause' ? clause(child, referenced) : [block(child)],
  ),
]

const LINE_END = /\r\n|\r|\n/

/*
 * The fields around the text (title, version name, comment quotes, authors and bodies) are
 * plain text from people, not Markdown. Besides the escaping above, their line breaks are
 * placed by us: a field that is one line where it stands (a heading, a name) has them
 * turned into spaces, since a heading cannot span lines and a blank line would end it; a
 * field of several lines gets a hard line break between lines. Indentation at the start of
 * a line goes: Markdown drops it anyway, or reads four spaces as code.
 */

/** A field shown on one line: its lines joined by spaces. */
const oneLine = (value: string): string =>
  value
    .split(LINE_END)
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .join(' ')

/** A field of several lines: each line after a hard line break. */
const lines = (value: string, marks: readonly Mark[] = []): MdNode[] =>
  value
    .trim()
    .split(LINE_END)
    .flatMap((line, i) => [
      ...(i > 0 ? [md.nodes.hard_break.create()] : []),
      ...text(line.trimStart(), marks),
    ])

const appendix = ({ heading: title, entries }: ExportAppendix, meta: ExportMeta): MdNode[] => {
  const words = wordsFor(meta.language)
  return [
    heading(2, text(title)),
    ...entries.flatMap((comment) => [
      heading(3, text(oneLine(comment.clauseLabel ?? words.noClause))),
      ...(comment.quote.trim()
        ? [md.nodes.blockquote.createChecked(null, [paragraph(lines(comment.quote))])]
        : []),
      md.nodes.bullet_list.createChecked(
        { tight: true },
        comment.messages.map((message) =>
          md.nodes.list_item.createChecked(null, [
            paragraph([
              ...text(oneLine(message.author), [md.marks.strong.create()]),
              ...text(`, ${dateTime(message.createdAt, meta.language)}`),
            ]),
            paragraph(lines(message.body)),
          ]),
        ),
      ),
    ]),
  ]
}

const isHeading = (node: MdNode): boolean =>
  node.type === md.nodes.heading || node.type === md.nodes.clause_heading

/** CommonMark text: the title as `#`, clauses as `##` with their labels, sub-clauses as `###`. */
export const toMarkdown = (json: JSONContent, given: ExportMeta): string => {
  const model = exportModel(json, given)
  const { meta } = model
  const title = titleLines(meta)
  const doc = md.nodes.doc.createChecked(null, [
    heading(1, text(oneLine(title.title))),
    paragraph(text(oneLine(`${title.version} · ${title.date}`), [md.marks.em.create()])),
    ...model.preface.map(block),
    ...model.body.flatMap((item) =>
      item.type === 'clause' ? clause(item, model.referenced) : [block(item)],
    ),
    ...model.conclusions.map(block),
    ...footnotes(model.footnotes),
    ...model.appendices.flatMap((part) => appendix(part, meta)),
  ])
  return `${serializeByHeadings(serializer, doc, isHeading)}\n`
}
