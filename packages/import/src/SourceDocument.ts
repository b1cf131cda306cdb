/**
 * What every reader (docx, odt, html, markdown) turns a file into before clauses are
 * detected: paragraphs with their style and numbering, tables, comments, footnotes and
 * tracked changes, all still in reading order. One shape, so clause detection and the
 * Accord document are written once for every format.
 */

/** A tracked change of the source file, as its author made it. */
export interface TrackedChange {
  kind: 'insertion' | 'deletion'
  /** The change's id in the source (runs of one change share it). */
  key: string
  author: string
  /** ISO 8601, or undefined when the file gives none. */
  date?: string
}

export interface RunMarks {
  bold?: boolean
  italic?: boolean
  underline?: boolean
  strike?: boolean
  link?: string
  change?: TrackedChange
}

export type Inline =
  | { type: 'text'; text: string; marks: RunMarks }
  | { type: 'break'; marks: RunMarks }
  | { type: 'commentStart'; id: string }
  | { type: 'commentEnd'; id: string }
  | { type: 'noteRef'; id: string }

/** How the source numbered a paragraph (Word `w:numPr`, an HTML or ODT list). */
export interface Numbering {
  /** 0 for the outermost level. */
  level: number
  ordered: boolean
  /** The number as the source shows it ("1.", "1.1.", "а)"), when known. */
  label?: string
  /** The list the paragraph belongs to, so that separate lists stay apart. */
  listId: string
  /**
   * An ordered item's own number at its level, as the source counts it (a list that starts
   * at 4, or carries on after other paragraphs): the Accord list starts at its first item's.
   */
  number?: number
  /**
   * The list item (an HTML `li`, an ODT `text:list-item`) when one item holds several
   * paragraphs: those after the first share its number and stay in that item. Absent: each
   * paragraph is an item of its own (Word numbers every paragraph it lists).
   */
  item?: number
}

export interface SourceParagraph {
  type: 'paragraph'
  inlines: Inline[]
  /** 1-6 from a heading style or element; 0 for the document title style. */
  heading?: number
  numbering?: Numbering
}

/** A table cell: its paragraphs, whether it is a header cell, and how far it is merged. */
export interface SourceCell {
  paragraphs: SourceParagraph[]
  header: boolean
  colspan: number
  rowspan: number
}

export interface SourceTable {
  type: 'table'
  /** Rows of cells; a merged cell stands only in its first row and column. */
  rows: SourceCell[][]
}

/** A cell of `paragraphs`; `span` reads a span attribute (a positive whole number, else 1). */
export const sourceCell = (
  paragraphs: SourceParagraph[],
  header: boolean,
  colspan?: string | null,
  rowspan?: string | null,
): SourceCell => ({ paragraphs, header, colspan: span(colspan), rowspan: span(rowspan) })

const span = (value: string | null | undefined): number => {
  const n = Number(value)
  // A span beyond this is a hostile file's, not a table's.
  return Number.isInteger(n) && n >= 1 && n <= 1000 ? n : 1
}

export type SourceBlock = SourceParagraph | SourceTable

export interface SourceMessage {
  author: string
  date?: string
  body: string
}

export interface SourceComment {
  id: string
  /** The first message, then the replies in order. */
  messages: SourceMessage[]
}

/** Something of the file that the document does not keep, said to the person importing. */
export interface ImportWarning {
  code: WarningCode
  count: number
  message: string
}

export const WarningCode = {
  images: 'images_dropped',
  textBoxes: 'text_boxes_dropped',
  fields: 'fields_as_text',
  macros: 'macros_ignored',
  formatChanges: 'format_changes_ignored',
  unanchoredComments: 'comments_without_text',
  embedded: 'embedded_objects_dropped',
} as const
export type WarningCode = (typeof WarningCode)[keyof typeof WarningCode]

export interface SourceDocument {
  blocks: SourceBlock[]
  comments: Map<string, SourceComment>
  footnotes: Map<string, SourceParagraph[]>
  /** What the reader dropped, by kind. */
  dropped: Map<WarningCode, number>
}

/** The paragraphs of some blocks, a nested table's cells read row by row (a cell, a note, a comment). */
export const paragraphsOf = (blocks: readonly SourceBlock[]): SourceParagraph[] =>
  blocks.flatMap((b) =>
    b.type === 'paragraph' ? [b] : b.rows.flatMap((row) => row.flatMap((cell) => cell.paragraphs)),
  )

export const emptySource = (): SourceDocument => ({
  blocks: [],
  comments: new Map(),
  footnotes: new Map(),
  dropped: new Map(),
})

export const noteDropped = (source: SourceDocument, code: WarningCode, count = 1): void => {
  source.dropped.set(code, (source.dropped.get(code) ?? 0) + count)
}
