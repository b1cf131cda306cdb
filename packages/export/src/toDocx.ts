import { documentLanguageInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx'
import { DocxBlocks, docxLines } from './docx/DocxBlocks.js'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import { type ExportComment, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { wordsFor } from './words.js'

/** A4 in twips, with 2.5 cm margins. */
const A4 = { width: 11906, height: 16838 }
const MARGIN = 1418

const appendix = (comments: readonly ExportComment[], meta: ExportMeta): Paragraph[] => {
  if (comments.length === 0) return []
  const words = wordsFor(meta.language)
  return [
    new Paragraph({
      heading: HeadingLevel.HEADING_1,
      pageBreakBefore: true,
      text: words.openComments,
    }),
    ...comments.flatMap((comment) => [
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

/** A Word document (Office Open XML): title, clauses as headings, page numbers in the footer. */
export const toDocx = async (json: JSONContent, given: ExportMeta): Promise<Uint8Array> => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  const blocks = new DocxBlocks(meta.date)
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
    ...appendix(model.comments, meta),
  ]
  const doc = new Document({
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
