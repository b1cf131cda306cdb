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
import { type ExportComment, exportModel } from './model/exportModel.js'
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

// CommonMark's own rules, plus `<`, `>` and `&` escaped, so that a renderer that passes HTML
// through shows a `<script>` in the text as text.
const serializer = new MarkdownSerializer(
  defaultMarkdownSerializer.nodes,
  {
    ...defaultMarkdownSerializer.marks,
    insertion: { open: '{++', close: '++}', mixable: true, expelEnclosingWhitespace: true },
    deletion: { open: '{--', close: '--}', mixable: true, expelEnclosingWhitespace: true },
  },
  { escapeExtraCharacters: /[<>&]/g },
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

const withBreaks = (lines: readonly string[]): MdNode[] =>
  lines.flatMap((line, i) => [...(i > 0 ? [md.nodes.hard_break.create()] : []), ...text(line)])

const appendix = (comments: readonly ExportComment[], meta: ExportMeta): MdNode[] => {
  if (comments.length === 0) return []
  const words = wordsFor(meta.language)
  return [
    heading(2, text(words.openComments)),
    ...comments.flatMap((comment) => [
      heading(3, text(comment.clauseLabel ?? words.noClause)),
      ...(comment.quote
        ? [md.nodes.blockquote.createChecked(null, [paragraph(text(comment.quote))])]
        : []),
      md.nodes.bullet_list.createChecked(
        { tight: true },
        comment.messages.map((message) =>
          md.nodes.list_item.createChecked(null, [
            paragraph([
              ...text(message.author, [md.marks.strong.create()]),
              ...text(`, ${dateTime(message.createdAt, meta.language)}`),
            ]),
            paragraph(withBreaks(message.body.split(/\r?\n/))),
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
  const lines = titleLines(meta)
  const doc = md.nodes.doc.createChecked(null, [
    heading(1, text(lines.title)),
    paragraph(text(`${lines.version} · ${lines.date}`, [md.marks.em.create()])),
    ...model.preface.map(block),
    ...model.body.flatMap((item) => (item.type === 'clause' ? clause(item) : [block(item)])),
    ...model.conclusions.map(block),
    ...appendix(model.comments, meta),
  ])
  return `${serializer.serialize(doc)}\n`
}
