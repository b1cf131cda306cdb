import type { JSONContent } from '@tiptap/core'
import { type Mark, type Node as MdNode, Schema } from '@tiptap/pm/model'
import {
  schema as commonMark,
  defaultMarkdownSerializer,
  MarkdownSerializer,
} from 'prosemirror-markdown'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import type { Block, ExportClause, Inline } from './model/Block.js'
import { clauseHeadingPrefixInline } from './model/clauseHeadingPrefix.js'
import { type ExportAppendix, exportModel } from './model/exportModel.js'
import { blockHeadingLevel, clauseLevel } from './model/outlineLevel.js'
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
const md = new Schema<CommonMarkNames[0], CommonMarkNames[1] | 'insertion' | 'deletion'>({
  nodes: commonMark.spec.nodes,
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
  defaultMarkdownSerializer.nodes,
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
  if (inline.marks.change) marks.push(md.marks[inline.marks.change.kind].create())
  return marks
}

const inlines = (items: readonly Inline[]): MdNode[] =>
  items.flatMap((item) =>
    item.kind === 'break' ? [md.nodes.hard_break.create()] : text(item.text, marksOf(item)),
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
      return item.ordered
        ? md.nodes.ordered_list.createChecked({ order: item.start, tight: true }, items)
        : md.nodes.bullet_list.createChecked({ tight: true }, items)
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
  }
}

const clause = (item: ExportClause): MdNode[] => [
  heading(clauseLevel(item), inlines([clauseHeadingPrefixInline(item), ...item.heading])),
  ...item.children.flatMap((child) => (child.type === 'clause' ? clause(child) : [block(child)])),
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

/** CommonMark text: the title as `#`, clauses as `##` with their labels, sub-clauses as `###`. */
export const toMarkdown = (json: JSONContent, given: ExportMeta): string => {
  const model = exportModel(json, given)
  const { meta } = model
  const title = titleLines(meta)
  const doc = md.nodes.doc.createChecked(null, [
    heading(1, text(oneLine(title.title))),
    paragraph(text(oneLine(`${title.version} · ${title.date}`), [md.marks.em.create()])),
    ...model.preface.map(block),
    ...model.body.flatMap((item) => (item.type === 'clause' ? clause(item) : [block(item)])),
    ...model.conclusions.map(block),
    ...model.appendices.flatMap((part) => appendix(part, meta)),
  ])
  return `${serializer.serialize(doc)}\n`
}
