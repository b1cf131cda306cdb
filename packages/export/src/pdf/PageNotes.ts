import type { FootnoteInline, Inline } from '../model/Block.js'
import { inlineText } from '../model/inlineText.js'

/** Notes are set smaller than the text, under a short rule. */
export const NOTE_SIZE = 9
const NOTE_GAP = 3
const RULE_SPACE = 12
/** Two lines of text: less than that above the notes is no room for the paragraph. */
const MIN_TEXT = 30

/** What PageNotes needs of the writer: the document, and how to draw and tag a note. */
export interface NotesHost {
  readonly doc: PDFKit.PDFDocument
  readonly left: number
  readonly width: number
  /** Draws one note (its number, then its text) at the current position, tagged as a Note. */
  drawNote(inlines: readonly Inline[]): void
  drawRule(y: number): void
}

interface PageEntry {
  /** What is reserved at the foot of the page, in points. */
  reserved: number
  notes: FootnoteInline[]
}

/**
 * Footnotes at the foot of the page where their mark stands, as a printed text has them.
 * Before a paragraph with notes is laid out, room for them is taken off the bottom of the
 * page (the page's bottom margin grows), so the paragraph flows above; a paragraph that runs
 * onto the next page takes its notes along when its mark went there and room is left. The
 * notes are drawn once the text is laid out, page by page (`draw`).
 */
export class PageNotes {
  private readonly pages = new Map<number, PageEntry>()
  /** Notes whose room is taken on the next page to be added (no room left on this one). */
  private pending: FootnoteInline[] = []
  /** Where each note is planned, by its number. */
  private readonly planned = new Map<number, number>()

  constructor(private readonly host: NotesHost) {
    host.doc.on('pageAdded', () => {
      const notes = this.pending
      this.pending = []
      for (const note of notes) this.take(this.currentPage(), note)
    })
  }

  private currentPage(): number {
    const range = this.host.doc.bufferedPageRange()
    return range.start + range.count - 1
  }

  private heightOf(note: FootnoteInline): number {
    const { doc } = this.host
    doc.font('regular').fontSize(NOTE_SIZE)
    const text = `${note.number} ${inlineText(note.inlines)}`
    return doc.heightOfString(text, { width: this.host.width }) + NOTE_GAP
  }

  /** The room `note` needs on `page`: its height, and the rule's space for the page's first. */
  private need(page: number, note: FootnoteInline): number {
    return this.heightOf(note) + (this.pages.has(page) ? 0 : RULE_SPACE)
  }

  private take(page: number, note: FootnoteInline): void {
    const need = this.need(page, note)
    const entry = this.pages.get(page) ?? { reserved: 0, notes: [] }
    entry.reserved += need
    entry.notes.push(note)
    this.pages.set(page, entry)
    this.planned.set(note.number, page)
    if (page === this.currentPage()) this.host.doc.page.margins.bottom += need
  }

  private room(): number {
    const { page, y } = this.host.doc
    return page.height - page.margins.bottom - y
  }

  /**
   * Before a paragraph holding `notes`: takes their room at the foot of this page, or of the
   * next one when this one has no room left (a new page now, unless `keepPage`: a table row
   * is laid out across its cells on one page).
   */
  reserve(notes: readonly FootnoteInline[], keepPage: boolean): void {
    if (notes.length === 0) return
    const page = this.currentPage()
    const need = notes.reduce(
      (sum, note, i) => sum + this.heightOf(note) + (i === 0 ? RULE_SPACE : 0),
      0,
    )
    if (this.room() >= need + MIN_TEXT) {
      for (const note of notes) this.take(page, note)
      return
    }
    if (keepPage) {
      this.pending.push(...notes)
      return
    }
    this.host.doc.addPage()
    for (const note of notes) this.take(this.currentPage(), note)
  }

  /**
   * After the paragraph: a note whose mark landed on a later page than planned (the paragraph
   * ran on) moves there when that page still has room under the text; else it stays.
   */
  settle(note: FootnoteInline, markPage: number): void {
    const planned = this.planned.get(note.number)
    if (planned === undefined || planned === markPage || markPage !== this.currentPage()) return
    if (this.room() < this.need(markPage, note)) return
    const entry = this.pages.get(planned)
    if (entry) entry.notes = entry.notes.filter((n) => n !== note)
    this.take(markPage, note)
  }

  /** The page the text is on now, for `settle`. */
  get page(): number {
    return this.currentPage()
  }

  /** Draws every page's notes in the room kept for them, under a rule. */
  draw(): void {
    const { doc } = this.host
    const last = this.currentPage()
    for (const [page, entry] of [...this.pages.entries()].sort((a, b) => a[0] - b[0])) {
      if (entry.notes.length === 0) continue
      doc.switchToPage(page)
      const bottom = doc.page.margins.bottom
      // The notes stand in the room kept for them, inside the grown bottom margin.
      const top = doc.page.height - bottom + RULE_SPACE / 2
      doc.page.margins.bottom = 0
      this.host.drawRule(top - RULE_SPACE / 2 + 2)
      doc.y = top
      for (const note of entry.notes.sort((a, b) => a.number - b.number))
        this.host.drawNote([
          { kind: 'text', text: `${note.number} `, marks: { bold: true } },
          ...note.inlines,
        ])
      doc.page.margins.bottom = bottom
    }
    doc.switchToPage(last)
  }
}
