import { documentLanguageInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  type ICommentOptions,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx'
import { DocxBlocks, docxLines } from './docx/DocxBlocks.js'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import { type ExportAppendix, type ExportModel, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { wordsFor } from './words.js'

/** A4 in twips, with 2.5 cm margins. */
const A4 = { width: 11906, height: 16838 }
const MARGIN = 1418

const appendix = ({ heading, entries }: ExportAppendix, meta: ExportMeta): Paragraph[] => {
  const words = wordsFor(meta.language)
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      text: heading,
    }),
    ...entries.flatMap((comment) => [
      new Paragraph({
        heading: HeadingLevel.HEADING_2,
        text: comment.clauseLabel ?? words.noClause,
      }),
      ...(comment.quote
        ? [
            new Paragraph({
              indent: { left: 720 },
              children: [new TextRun({ text: `«${comment.quote}»`, italics: true })],
            }),
          ]
        : []),
      ...comment.messages.flatMap((message) => [
        new Paragraph({
          keepNext: true,
          children: [
            new TextRun({ text: message.author, bold: true }),
            new TextRun(`, ${dateTime(message.createdAt, meta.language)}`),
          ],
        }),
        new Paragraph({ children: docxLines(message.body) }),
      ]),
    ]),
  ]
}

/**
 * The open threads whose words are in the text as Word comments: the first message is the
 * comment, each reply a comment answering it (`parentId`, Word's threaded replies) on the
 * same words, as Word writes replies.
 */
const wordComments = (model: ExportModel) => {
  const ids = new Map<number, number[]>()
  const children: ICommentOptions[] = []
  for (const index of [...model.placedComments].sort((a, b) => a - b)) {
    const [first, ...replies] = model.comments[index]?.messages ?? []
    if (!first) continue
    const id = children.length
    ids.set(
      index,
      [first, ...replies].map((_, i) => id + i),
    )
    const comment = (message: typeof first, parentId?: number): ICommentOptions => ({
      id: children.length,
      author: message.author,
      initials: initialsOf(message.author),
      date: message.createdAt,
      parentId,
      children: [new Paragraph({ children: docxLines(message.body) })],
    })
    children.push(comment(first))
    for (const reply of replies) children.push(comment(reply, id))
  }
  return { ids, children }
}

const initialsOf = (name: string): string =>
  name
    .split(/\s+/)
    .map((word) => word.charAt(0))
    .join('')
    .slice(0, 9)

/**
 * A Word document (Office Open XML): title, clauses as headings, page numbers in the footer;
 * a review copy's open threads as Word comments on their words (and in the appendix).
 */
export const toDocx = async (json: JSONContent, given: ExportMeta): Promise<Uint8Array> => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  const comments = wordComments(model)
  const blocks = new DocxBlocks(meta.date, comments.ids, comments.children.length)
  const children = [
    new Paragraph({ heading: HeadingLevel.TITLE, text: lines.title }),
    new Paragraph({
      children: [new TextRun({ text: `${lines.version} · ${lines.date}`, italics: true })],
    }),
    ...model.preface.flatMap((block) => blocks.block(block)),
    ...model.body.flatMap((item) =>
      item.type === 'clause' ? blocks.clause(item) : blocks.block(item),
    ),
    ...model.conclusions.flatMap((block) => blocks.block(block)),
    ...model.appendices.flatMap((part) => appendix(part, meta)),
  ]
  const doc = new Document({
    ...(comments.children.length > 0 ? { comments: { children: comments.children } } : {}),
    creator: 'Accord',
    title: meta.title,
    subject: lines.version,
    styles: {
      default: {
        document: {
          run: {
            font: 'Times New Roman',
            size: 24,
            language: { value: documentLanguageInfo(meta.language).locale },
          },
          paragraph: { spacing: { after: 120 } },
        },
        title: { run: { font: 'Times New Roman', size: 40, bold: true, color: '000000' } },
        heading1: { run: { font: 'Times New Roman', size: 28, bold: true, color: '000000' } },
        heading2: { run: { font: 'Times New Roman', size: 26, bold: true, color: '000000' } },
        heading3: { run: { font: 'Times New Roman', size: 24, bold: true, color: '000000' } },
      },
    },
    numbering: { config: blocks.numbering },
    footnotes: blocks.footnotes,
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({ children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] }),
                ],
              }),
            ],
          }),
        },
        children,
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
