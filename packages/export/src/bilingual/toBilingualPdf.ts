import { documentLanguageInfo } from '@accord/protocol'
import type { ExportMeta } from '../ExportMeta.js'
import type { Block, Inline } from '../model/Block.js'
import { inlineText } from '../model/inlineText.js'
import { titleLines } from '../model/titleLines.js'
import { PdfWriter, pdfDestination } from '../pdf/PdfWriter.js'
import { wordsFor } from '../words.js'
import type { BilingualSource } from './BilingualMeta.js'
import { type BilingualCell, bilingualRows } from './bilingualRows.js'

const GAP = 14
const text = (value: string): Inline => ({ kind: 'text', text: value, marks: {} })

/** A block as the paragraphs of a narrow column: list items and quotes as their own lines. */
const paragraphsOf = (block: Block): Inline[][] => {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
      return [block.inlines]
    case 'list':
      return block.items.flatMap((item, i) => {
        const marker = text(block.ordered ? `${block.start + i}. ` : '• ')
        const [first = [], ...rest] = item.flatMap(paragraphsOf)
        return [[marker, ...first], ...rest]
      })
    case 'quote':
      return block.blocks.flatMap(paragraphsOf)
    case 'code':
      return [[{ kind: 'text', text: block.text, marks: { code: true } }]]
    case 'rule':
      return []
    // A narrow column has no room for a table: each cell's paragraphs in reading order.
    case 'table':
      return block.rows.flatMap((row) => row.flatMap((cell) => cell.blocks.flatMap(paragraphsOf)))
  }
}

interface Column {
  x: number
  width: number
}

/** What a cell writes: its heading in bold, then its paragraphs. */
const cellLines = (
  content: BilingualCell | null,
): { inlines: Inline[]; bold: boolean; destination?: string }[] =>
  content === null
    ? [{ inlines: [text('—')], bold: false }]
    : [
        ...(content.heading
          ? [
              {
                inlines: content.heading,
                bold: true,
                ...(content.anchor ? { destination: pdfDestination(content.anchor) } : {}),
              },
            ]
          : []),
        ...content.blocks.flatMap(paragraphsOf).map((inlines) => ({ inlines, bold: false })),
      ]

/**
 * A two-column PDF copy of a translation: the source on the left, the translation on the
 * right, one row per clause, each row kept on one page when it fits one.
 */
export const toBilingualPdf = (
  source: BilingualSource,
  target: BilingualSource,
): Promise<Uint8Array> => {
  const { rows, sourceMeta, targetMeta } = bilingualRows(source, target)
  const lines = titleLines(targetMeta)
  const pdf = new PdfWriter({
    title: targetMeta.title,
    subject: lines.version,
    lang: documentLanguageInfo(targetMeta.language).locale,
    date: targetMeta.date,
  })
  const { doc } = pdf
  const half = (pdf.width - GAP) / 2
  const columns: [Column, Column] = [
    { x: pdf.left, width: half },
    { x: pdf.left + half + GAP, width: half },
  ]
  pdf.paragraph([text(lines.title)], { size: 18, weight: 'bold', after: 4 })
  pdf.paragraph([text(sourceMeta.title)], { after: 2 })
  pdf.paragraph([text(`${lines.version} · ${lines.date}`)], { after: 12 })

  const height = (cell: ReturnType<typeof cellLines>, column: Column) => {
    doc.font('regular').fontSize(11)
    return cell.reduce(
      (sum, line) =>
        sum + doc.heightOfString(inlineText(line.inlines) || ' ', { width: column.width }) + 8,
      0,
    )
  }
  const write = (cell: ReturnType<typeof cellLines>, column: Column) => {
    for (const line of cell) {
      // Where this column's references to the clause go, as in the single-language PDF.
      if (line.destination) doc.addNamedDestination(line.destination, 'XYZ', column.x, doc.y, null)
      pdf.paragraph(line.inlines, {
        x: column.x,
        width: column.width,
        weight: line.bold ? 'bold' : 'regular',
      })
    }
  }
  const page = doc.page.height - doc.page.margins.top - doc.page.margins.bottom
  const metas: [ExportMeta, ExportMeta] = [sourceMeta, targetMeta]
  const heads = metas.map((meta) => [
    { inlines: [text(documentLanguageInfo(meta.language).nativeName)], bold: true },
  ])
  for (const cells of [
    heads,
    ...rows.map((row) => [cellLines(row.source), cellLines(row.target)]),
  ]) {
    const [left = [], right = []] = cells
    const tallest = Math.max(height(left, columns[0]), height(right, columns[1]))
    if (tallest <= page) pdf.ensureSpace(tallest)
    const top = doc.y
    const startPage = doc.bufferedPageRange().count
    write(left, columns[0])
    const afterLeft = doc.y
    if (doc.bufferedPageRange().count === startPage) {
      doc.y = top
      write(right, columns[1])
      doc.y = Math.max(afterLeft, doc.y)
    } else {
      // Taller than a page: the translation follows below instead of beside.
      write(right, columns[1])
    }
    doc.x = pdf.left
    doc.moveDown(0.3)
  }
  const words = wordsFor(targetMeta.language)
  pdf.placeNotes()
  pdf.pageNumbers((n, total) => `${words.page} ${n} ${words.of} ${total}`)
  return pdf.end()
}
