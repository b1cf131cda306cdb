import type { Block, ExportClause, Inline } from '../model/Block.js'
import { clauseHeadingPrefix, clauseHeadingPrefixInline } from '../model/clauseHeadingPrefix.js'
import { inlineText } from '../model/inlineText.js'
import { blockHeadingLevel, clauseLevel } from '../model/outlineLevel.js'
import { drawTable } from './PdfTable.js'
import { INDENT, type PdfWriter, pdfDestination, type StructureType } from './PdfWriter.js'

/** Font size by outline level: 2 a clause, 3 a sub-clause, deeper headings body-sized. */
const HEADING_SIZES: Record<number, number> = { 2: 14, 3: 12 }
const headingSize = (level: number): number => HEADING_SIZES[level] ?? 11

type OutlineItem = PDFKit.PDFOutline

/** Structure tags by outline level: the title H1, a clause H2, a sub-clause H3. */
const HEADING_TAGS: Record<number, StructureType> = { 1: 'H1', 2: 'H2', 3: 'H3', 4: 'H4', 5: 'H5' }

/** Lays out blocks and clauses, and adds every clause to the PDF's bookmarks. */
export class PdfLayout {
  constructor(private readonly pdf: PdfWriter) {}

  /**
   * A heading of outline `level` (1 the title, 2 a clause), tagged H1–H6 by that level;
   * `destination` names its place, for links to it.
   */
  heading(inlines: readonly Inline[], level: number, destination?: string): void {
    const size = headingSize(level)
    // A heading alone at the foot of a page would be separated from its text.
    this.pdf.ensureSpace(size * 4)
    this.pdf.doc.moveDown(0.4)
    if (destination)
      this.pdf.doc.addNamedDestination(destination, 'XYZ', this.pdf.left, this.pdf.doc.y, null)
    this.pdf.paragraph(inlines, { size, weight: 'bold', after: 6 }, HEADING_TAGS[level] ?? 'H6')
  }

  /** A clause is an article (Art) of the structure tree: its heading, its text, its sub-clauses. */
  clause(clause: ExportClause, outline: OutlineItem): void {
    const prefix = clauseHeadingPrefix(clause)
    const level = clauseLevel(clause)
    this.pdf.group(clause.level === 1 ? 'Art' : 'Sect', () => {
      this.heading(
        [clauseHeadingPrefixInline(clause), ...clause.heading],
        level,
        clause.id ? pdfDestination(clause.id) : undefined,
      )
      const item = outline.addItem(`${prefix}${inlineText(clause.heading)}`.trim())
      for (const child of clause.children) {
        if (child.type === 'clause') this.clause(child, item)
        else this.block(child)
      }
    })
  }

  block(block: Block, x = this.pdf.left): void {
    switch (block.type) {
      case 'paragraph':
        this.pdf.paragraph(block.inlines, { x })
        return
      case 'heading':
        this.heading(block.inlines, blockHeadingLevel(block.level))
        return
      case 'list':
        this.pdf.group('L', () => {
          for (const [i, item] of block.items.entries()) {
            this.pdf.group('LI', () => {
              this.pdf.marker(block.ordered ? `${block.start + i}.` : '•', x + INDENT)
              this.pdf.group('LBody', () => {
                if (item.length === 0) this.pdf.paragraph([], { x: x + INDENT })
                for (const inner of item) this.block(inner, x + INDENT)
              })
            })
          }
        })
        return
      case 'quote':
        this.pdf.group('BlockQuote', () => {
          for (const inner of block.blocks) this.block(inner, x + INDENT)
        })
        return
      case 'code':
        this.pdf.paragraph(
          [
            {
              kind: 'text',
              text: block.text,
              marks: block.change ? { code: true, change: block.change } : { code: true },
            },
          ],
          { x },
        )
        return
      case 'rule':
        this.pdf.rule()
        return
      case 'table':
        drawTable(this.pdf, block.rows, (inner, box) => {
          if (inner.type === 'paragraph')
            this.pdf.paragraph(inner.inlines, {
              x: box.x,
              width: box.width,
              weight: box.bold ? 'bold' : 'regular',
              after: 2,
            })
          else this.block(inner, box.x)
        })
        return
    }
  }
}
