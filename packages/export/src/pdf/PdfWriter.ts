import PDFDocument from 'pdfkit'
import type { FootnoteInline, Inline, Marks } from '../model/Block.js'
import { NOTE_SIZE, type NotesHost, PageNotes } from './PageNotes.js'
import { PDF_FONTS, type PdfFont } from './pdfFonts.js'

/** Points: A4 with 2.5 cm margins on the sides, 2 cm top and bottom. */
const MARGINS = { top: 57, bottom: 57, left: 71, right: 71 }
const BODY_SIZE = 11
const LINE_GAP = 2
export const INDENT = 18

export interface PdfInfo {
  title: string
  subject: string
  lang: string
  date: Date
}

export interface TextBox {
  /** Left edge and width; the defaults span the page between the margins. */
  x?: number
  width?: number
  size?: number
  /** 'bold' for headings: marks add italic on top of it. */
  weight?: 'regular' | 'bold'
  align?: 'left' | 'center' | 'justify'
  /** Space after the paragraph, in points. */
  after?: number
}

/** Suggestions in a review copy: green and underlined, red and struck through (never colour alone). */
const INSERTION_COLOUR = '#1a6d2b'
const DELETION_COLOUR = '#b3261e'

const colourFor = (marks: Marks): string => {
  if (marks.change) return marks.change.kind === 'insertion' ? INSERTION_COLOUR : DELETION_COLOUR
  return marks.href || marks.ref ? '#0b4f9c' : '#000000'
}

const fontFor = (marks: Marks, weight: 'regular' | 'bold'): PdfFont => {
  if (marks.code) return 'mono'
  const bold = weight === 'bold' || marks.bold
  if (bold && marks.italic) return 'boldItalic'
  if (bold) return 'bold'
  return marks.italic ? 'italic' : 'regular'
}

/** The named destination at a clause's heading, which cross-references go to. */
export const pdfDestination = (clauseId: string): string => `clause-${clauseId}`

const SUPERSCRIPT_DIGITS = '⁰¹²³⁴⁵⁶⁷⁸⁹'
const superscript = (n: number): string =>
  [...String(n)].map((digit) => SUPERSCRIPT_DIGITS[Number(digit)]).join('')

/** A run of text as a line draws it; a footnote's mark knows its note. */
interface Run {
  text: string
  marks: Marks
  note?: FootnoteInline
}

/** Standard structure types of PDF 1.7 (ISO 32000-1, 14.8.4) that the layout uses. */
export type StructureType =
  | 'H1'
  | 'H2'
  | 'H3'
  | 'H4'
  | 'H5'
  | 'H6'
  | 'P'
  | 'Art'
  | 'Sect'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'BlockQuote'
  | 'Table'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Note'

// XMP is XML, and pdfkit writes the title and subject into it unescaped (a title "A & B"
// would make the metadata unreadable); the document information dictionary keeps them raw.
const xmlEscaped = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')

interface XmpInfo {
  _addInfo(): void
  info: Record<string, unknown>
}

/**
 * A thin layer over pdfkit: paragraphs of styled runs, page space checks, page numbers, and
 * the structure tree of a tagged PDF/A-2b (`tag`, `group`). It knows nothing about clauses;
 * `toPdf` decides the layout.
 */
export class PdfWriter implements NotesHost {
  readonly doc: PDFKit.PDFDocument
  private readonly chunks: Buffer[] = []
  private readonly finished: Promise<Uint8Array>
  /** The structure elements being filled, innermost last; the first is the Document. */
  private readonly open: PDFKit.PDFStructureElement[]
  private readonly notes: PageNotes
  /** How many tables are being drawn: a row's cells stay on one page. */
  private tables = 0

  constructor(info: PdfInfo) {
    this.doc = new PDFDocument({
      size: 'A4',
      margins: MARGINS,
      bufferPages: true,
      // No default font (pdfkit takes null for none; its types say string): Helvetica has no
      // Cyrillic and is not embedded, and the regular font is chosen below by its name.
      font: null as unknown as string,
      // PDF/A-2b (ISO 19005-2, based on PDF 1.7): pdfkit adds the XMP identification and the
      // sRGB output intent; the fonts are embedded TrueType subsets.
      pdfVersion: '1.7',
      subset: 'PDF/A-2b',
      tagged: true,
      lang: info.lang,
      displayTitle: true,
      info: {
        Title: info.title,
        Subject: info.subject,
        Creator: 'Accord',
        Producer: 'Accord',
        CreationDate: info.date,
      },
    })
    for (const [name, path] of Object.entries(PDF_FONTS)) this.doc.registerFont(name, path)
    // Chosen first by name, so pdfkit keeps each font under its name. Had the document opened
    // with the regular font's file as its default, pdfkit would find that font again under
    // its own name on every later `font('regular')` and, doing so, read and parse the file
    // anew without keeping it: most of a long text's PDF time (1,500 clauses: 5.8 s of 10.8).
    this.doc.font('regular')
    const xmp = this.doc as unknown as XmpInfo
    const addInfo = xmp._addInfo.bind(this.doc)
    xmp._addInfo = () => {
      const raw = xmp.info
      xmp.info = Object.fromEntries(
        Object.entries(raw).map(([key, value]) => [
          key,
          typeof value === 'string' ? xmlEscaped(value) : value,
        ]),
      )
      addInfo()
      xmp.info = raw
    }
    const root = this.doc.struct('Document')
    this.doc.addStructure(root)
    this.open = [root]
    this.notes = new PageNotes(this)
    this.finished = new Promise((resolve, reject) => {
      this.doc.on('data', (chunk: Buffer) => this.chunks.push(chunk))
      this.doc.on('end', () => resolve(new Uint8Array(Buffer.concat(this.chunks))))
      this.doc.on('error', reject)
    })
  }

  private get parent(): PDFKit.PDFStructureElement {
    return this.open.at(-1) as PDFKit.PDFStructureElement
  }

  /** What `draw` puts on the page, as one structure element of `type` (a paragraph, a heading). */
  tag(type: StructureType, draw: () => void): void {
    this.parent.add(this.doc.struct(type, {}, [draw]))
  }

  /** A structure element of `type` holding the elements `fill` adds (an article, a list). */
  group(type: StructureType, fill: () => void): void {
    const element = this.doc.struct(type)
    this.parent.add(element)
    this.open.push(element)
    if (type === 'Table') this.tables += 1
    try {
      fill()
    } finally {
      if (type === 'Table') this.tables -= 1
      this.open.pop()
      element.end()
    }
  }

  /** What `draw` puts on the page is no content (page numbers, rules): an artifact. */
  artifact(type: 'Pagination' | 'Layout', draw: () => void): void {
    this.doc.markContent('Artifact', { type })
    draw()
    this.doc.endMarkedContent()
  }

  get left(): number {
    return this.doc.page.margins.left
  }

  get width(): number {
    return this.doc.page.width - this.doc.page.margins.left - this.doc.page.margins.right
  }

  /** Starts a new page unless `height` points still fit on this one (headings keep with their text). */
  ensureSpace(height: number): void {
    const bottom = this.doc.page.height - this.doc.page.margins.bottom
    if (this.doc.y + height > bottom) this.doc.addPage()
  }

  /**
   * One paragraph of styled runs, tagged as `type` (default P); an empty one is a blank line.
   * Its footnotes go to the foot of the page where their marks stand (PageNotes).
   */
  paragraph(inlines: readonly Inline[], box: TextBox = {}, type: StructureType = 'P'): void {
    const notes = inlines.filter((item): item is FootnoteInline => item.kind === 'footnote')
    this.notes.reserve(notes, this.tables > 0)
    const marks = new Map<FootnoteInline, number>()
    this.tag(type, () => this.untagged(inlines, box, marks))
    for (const [note, page] of marks) this.notes.settle(note, page)
  }

  /** Draws the footnotes at the foot of their pages, once the text is laid out. */
  placeNotes(): void {
    this.notes.draw()
  }

  /** One note at the foot of a page: small, tagged as a Note (PageNotes calls this). */
  drawNote(inlines: readonly Inline[]): void {
    this.tag('Note', () => this.untagged(inlines, { size: NOTE_SIZE, after: 3 }, new Map()))
  }

  /** The short rule above a page's notes. */
  drawRule(y: number): void {
    this.artifact('Layout', () =>
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width / 3, y)
        .lineWidth(0.5)
        .strokeColor('#808080')
        .stroke(),
    )
  }

  /** `marks` learns the page each footnote's mark was drawn on. */
  private untagged(
    inlines: readonly Inline[],
    box: TextBox,
    marks: Map<FootnoteInline, number>,
  ): void {
    // pdfkit ignores a line break inside continued text, so each line is a text of its own.
    const lines: Run[][] = [[]]
    for (const item of inlines) {
      if (item.kind === 'break') lines.push([])
      // The note's mark: its number in superscript digits (the note is at the page's foot).
      else if (item.kind === 'footnote')
        lines.at(-1)?.push({ text: superscript(item.number), marks: {}, note: item })
      else if (item.text !== '') lines.at(-1)?.push(item)
    }
    lines.forEach((line, i) => {
      this.line(
        line.length > 0 ? line : [{ text: ' ', marks: {} }],
        box,
        i === lines.length - 1,
        marks,
      )
    })
    this.doc.fillColor('#000000')
  }

  private line(
    runs: readonly Run[],
    box: TextBox,
    last: boolean,
    notePages: Map<FootnoteInline, number>,
  ): void {
    const size = box.size ?? BODY_SIZE
    const x = box.x ?? this.left
    runs.forEach((run, i) => {
      this.doc
        .font(fontFor(run.marks, box.weight ?? 'regular'))
        .fontSize(run.marks.code ? size - 1 : size)
        .fillColor(colourFor(run.marks))
      const options: PDFKit.Mixins.TextOptions = {
        continued: i < runs.length - 1,
        width: box.width ?? this.left + this.width - x,
        align: box.align ?? 'left',
        lineGap: LINE_GAP,
        paragraphGap: last ? (box.after ?? 6) : 0,
        underline: Boolean(
          run.marks.underline || run.marks.href || run.marks.change?.kind === 'insertion',
        ),
        strike: Boolean(run.marks.strike || run.marks.change?.kind === 'deletion'),
        link: run.marks.href ?? null,
        // A cross-reference: a link annotation to its clause's named destination. Null, not
        // undefined, elsewhere: pdfkit carries an undefined option over from the run before
        // (its types leave null out, as they do not for `link`).
        goTo: (run.marks.ref ? pdfDestination(run.marks.ref) : null) as string | undefined,
      }
      if (i === 0) this.doc.text(run.text, x, this.doc.y, options)
      else this.doc.text(run.text, options)
      if (run.note) notePages.set(run.note, this.notes.page)
    })
  }

  /** A list marker ('1.', '•') in the gutter left of `x`, on the line where the next paragraph starts. */
  marker(text: string, x: number): void {
    this.ensureSpace(2 * (BODY_SIZE + LINE_GAP))
    const y = this.doc.y
    this.tag('Lbl', () =>
      this.doc
        .font('regular')
        .fontSize(BODY_SIZE)
        .text(text, x - INDENT, y, { width: INDENT - 4, lineBreak: false }),
    )
    this.doc.x = x
    this.doc.y = y
  }

  rule(): void {
    const y = this.doc.y + 4
    this.artifact('Layout', () =>
      this.doc
        .moveTo(this.left, y)
        .lineTo(this.left + this.width, y)
        .lineWidth(0.5)
        .strokeColor('#808080')
        .stroke(),
    )
    this.doc.y = y + 10
  }

  /** 'Страница 2 из 7' at the foot of every page but the first (the title page). */
  pageNumbers(label: (page: number, total: number) => string): void {
    const range = this.doc.bufferedPageRange()
    for (let i = range.start + 1; i < range.start + range.count; i++) {
      this.doc.switchToPage(i)
      const bottom = this.doc.page.margins.bottom
      // Writing inside the bottom margin would otherwise start a new page.
      this.doc.page.margins.bottom = 0
      this.artifact('Pagination', () =>
        this.doc
          .font('regular')
          .fontSize(9)
          .text(label(i + 1, range.count), this.left, this.doc.page.height - bottom / 2 - 5, {
            width: this.width,
            align: 'center',
            lineBreak: false,
          }),
      )
      this.doc.page.margins.bottom = bottom
    }
  }

  end(): Promise<Uint8Array> {
    this.open[0]?.end()
    this.doc.end()
    return this.finished
  }
}
