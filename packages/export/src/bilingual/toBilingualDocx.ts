import { documentLanguageInfo } from '@accord/protocol'
import {
  Bookmark,
  Document,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import { DocxBlocks } from '../docx/DocxBlocks.js'
import { docxBookmarkName } from '../docx/docxBookmarkName.js'
import type { ExportMeta } from '../ExportMeta.js'
import { titleLines } from '../model/titleLines.js'
import type { BilingualSource } from './BilingualMeta.js'
import { type BilingualCell, bilingualRows } from './bilingualRows.js'

/** A4 in twips with 2 cm margins: the two columns need the width. */
const A4 = { width: 11906, height: 16838 }
const MARGIN = 1134
const COLUMN = Math.floor((A4.width - 2 * MARGIN) / 2)

const languageRun = (meta: ExportMeta) => ({
  language: { value: documentLanguageInfo(meta.language).locale },
})

/** One side of a row; a clause's heading is a Word heading, so the navigator lists clauses. */
const cell = (content: BilingualCell | null, level: 1 | 2, blocks: DocxBlocks): TableCell => {
  const paragraphs =
    content === null
      ? [new Paragraph({ children: [new TextRun({ text: '—', italics: true })] })]
      : [
          ...(content.heading
            ? [
                new Paragraph({
                  heading: level === 1 ? HeadingLevel.HEADING_2 : HeadingLevel.HEADING_3,
                  keepNext: true,
                  // Bookmarked, for the references of this column that link to the clause.
                  children: content.anchor
                    ? [
                        new Bookmark({
                          id: docxBookmarkName(content.anchor),
                          children: blocks.runs(content.heading),
                        }),
                      ]
                    : blocks.runs(content.heading),
                }),
              ]
            : []),
          // A cell holds paragraphs and tables, all that the blocks are written as.
          ...content.blocks
            .flatMap((block) => blocks.block(block))
            .filter(
              (child): child is Paragraph | Table =>
                child instanceof Paragraph || child instanceof Table,
            ),
        ]
  return new TableCell({
    width: { size: COLUMN, type: WidthType.DXA },
    children: paragraphs.length > 0 ? paragraphs : [new Paragraph('')],
  })
}

/**
 * A two-column Word copy of a translation (the document's language is the translation's;
 * the source column is not tagged with its own) (the document's language is the translation's;
 * the source column is not tagged with its own): a table with the source on the left and the
 * translation on the right, one row per clause (the header row repeats on every page).
 */
export const toBilingualDocx = async (
  source: BilingualSource,
  target: BilingualSource,
): Promise<Uint8Array> => {
  const { rows, sourceMeta, targetMeta } = bilingualRows(source, target)
  const lines = titleLines(targetMeta)
  const blocks = new DocxBlocks(targetMeta.date)
  const header = new TableRow({
    tableHeader: true,
    children: [sourceMeta, targetMeta].map(
      (meta) =>
        new TableCell({
          width: { size: COLUMN, type: WidthType.DXA },
          children: [
            new Paragraph({
              children: [
                new TextRun({ text: documentLanguageInfo(meta.language).nativeName, bold: true }),
              ],
            }),
          ],
        }),
    ),
  })
  const table = new Table({
    width: { size: 2 * COLUMN, type: WidthType.DXA },
    columnWidths: [COLUMN, COLUMN],
    rows: [
      header,
      ...rows.map(
        (row) =>
          new TableRow({
            cantSplit: false,
            children: [cell(row.source, row.level, blocks), cell(row.target, row.level, blocks)],
          }),
      ),
    ],
  })
  const doc = new Document({
    creator: 'Accord',
    title: targetMeta.title,
    subject: lines.version,
    styles: {
      default: {
        document: {
          run: { font: 'Times New Roman', size: 22, ...languageRun(targetMeta) },
          paragraph: { spacing: { after: 100 } },
        },
        title: { run: { font: 'Times New Roman', size: 36, bold: true, color: '000000' } },
        heading2: { run: { font: 'Times New Roman', size: 24, bold: true, color: '000000' } },
        heading3: { run: { font: 'Times New Roman', size: 22, bold: true, color: '000000' } },
      },
    },
    numbering: { config: blocks.numbering },
    footnotes: blocks.footnotes,
    sections: [
      {
        properties: {
          page: { size: A4, margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN } },
        },
        children: [
          new Paragraph({ heading: HeadingLevel.TITLE, text: lines.title }),
          new Paragraph({ children: [new TextRun({ text: sourceMeta.title, italics: true })] }),
          new Paragraph({
            children: [new TextRun({ text: `${lines.version} · ${lines.date}`, italics: true })],
          }),
          table,
        ],
      },
    ],
  })
  return new Uint8Array(await Packer.toBuffer(doc))
}
