import { documentLanguageInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import type { ExportMeta } from './ExportMeta.js'
import { dateTime } from './formatDate.js'
import type { Inline } from './model/Block.js'
import { type ExportAppendix, exportModel } from './model/exportModel.js'
import { titleLines } from './model/titleLines.js'
import { PdfLayout } from './pdf/PdfLayout.js'
import { PdfWriter } from './pdf/PdfWriter.js'
import { wordsFor } from './words.js'

const plain = (text: string): Inline[] => [{ kind: 'text', text, marks: {} }]

const titlePage = (pdf: PdfWriter, lines: ReturnType<typeof titleLines>): void => {
  pdf.doc.y = pdf.doc.page.height * 0.3
  pdf.paragraph(plain(lines.title), { size: 22, weight: 'bold', align: 'center', after: 24 }, 'H1')
  pdf.paragraph(plain(lines.version), { size: 13, align: 'center' })
  pdf.paragraph(plain(lines.date), { size: 13, align: 'center' })
  pdf.doc.addPage()
}

const appendix = (
  pdf: PdfWriter,
  layout: PdfLayout,
  { heading, entries }: ExportAppendix,
  meta: ExportMeta,
) => {
  const words = wordsFor(meta.language)
  pdf.doc.addPage()
  layout.heading(plain(heading), 2)
  pdf.doc.outline.addItem(heading)
  for (const comment of entries) {
    layout.heading(plain(comment.clauseLabel ?? words.noClause), 3)
    if (comment.quote)
      layout.block({
        type: 'quote',
        blocks: [{ type: 'paragraph', inlines: plain(`«${comment.quote}»`) }],
      })
    for (const message of comment.messages) {
      pdf.paragraph(
        [
          { kind: 'text', text: message.author, marks: { bold: true } },
          { kind: 'text', text: `, ${dateTime(message.createdAt, meta.language)}`, marks: {} },
        ],
        { after: 2 },
      )
      pdf.paragraph(plain(message.body))
    }
  }
}

/**
 * A4 PDF: a title page (title, version, date), then the text with clauses as headings and
 * bookmarks, footnotes at the foot of their pages, page numbers at the foot. Fonts (DejaVu) are embedded, Cyrillic included.
 */
export const toPdf = (json: JSONContent, given: ExportMeta): Promise<Uint8Array> => {
  const model = exportModel(json, given)
  const { meta } = model
  const lines = titleLines(meta)
  const pdf = new PdfWriter({
    title: meta.title,
    subject: lines.version,
    lang: documentLanguageInfo(meta.language).locale,
    date: meta.date,
  })
  const layout = new PdfLayout(pdf)
  titlePage(pdf, lines)
  for (const block of model.preface) layout.block(block)
  for (const item of model.body) {
    if (item.type === 'clause') layout.clause(item, pdf.doc.outline)
    else layout.block(item)
  }
  for (const block of model.conclusions) layout.block(block)
  pdf.placeNotes()
  for (const part of model.appendices) appendix(pdf, layout, part, meta)
  const words = wordsFor(meta.language)
  pdf.pageNumbers((page, total) => `${words.page} ${page} ${words.of} ${total}`)
  return pdf.end()
}
