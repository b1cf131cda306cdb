/**
 * The document content as every format writer sees it: a small closed set of blocks and
 * inline runs, so that each writer handles every case (TypeScript checks the switches) and
 * none of them reads ProseMirror nodes itself.
 */

/**
 * A pending suggestion as a review copy shows it: words someone proposes to add or to
 * remove, with who proposed it and when. Only `tracked` exports carry these.
 */
export interface TrackedChange {
  kind: 'insertion' | 'deletion'
  /** The suggestion's id in the document. */
  id: string
  author: string
  /** When it was suggested; null when the document does not say. */
  at: Date | null
}

/** Formatting of a run of text. `href` is set only for links that are safe to follow. */
export interface Marks {
  bold?: true
  italic?: true
  underline?: true
  strike?: true
  code?: true
  href?: string
  /**
   * Set on the label of a cross-reference: the id of the clause it points to, which each
   * format turns into an internal link (the label is the run's text). A reference whose
   * clause is gone has no `ref`, only its label ('Article ?').
   */
  ref?: string
  /** Set in a review copy on words that are suggested, not agreed. */
  change?: TrackedChange
}

/**
 * A footnote where its reference mark stands: its number (its place among the exported
 * text's footnotes, set by `numberFootnotes`) and its text.
 */
export interface FootnoteInline {
  kind: 'footnote'
  number: number
  inlines: Inline[]
}

/** A run of text. */
export interface TextInline {
  kind: 'text'
  text: string
  marks: Marks
  /** Where its first character is in the exported ProseMirror text, when it comes from there. */
  at?: number
  /**
   * In a review copy: the open threads (indexes in the model's `comments`) whose words begin
   * with this run, and those whose words end with it, so DOCX and ODT make real comments of
   * them; a thread's words may run over any number of paragraphs between the two.
   */
  commentStarts?: number[]
  commentEnds?: number[]
}

export type Inline = TextInline | { kind: 'break' } | FootnoteInline

/** A table cell: a header (`th`) or data cell, its merged span, and its paragraphs. */
export interface TableCell {
  header: boolean
  /** Columns and rows it covers, 1 when not merged. */
  colspan: number
  rowspan: number
  blocks: Block[]
}

export type HeadingLevel = 1 | 2 | 3 | 4 | 5 | 6

export type Block =
  | { type: 'paragraph'; inlines: Inline[] }
  | { type: 'heading'; level: HeadingLevel; inlines: Inline[] }
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'quote'; blocks: Block[] }
  | { type: 'code'; text: string; change?: TrackedChange }
  | { type: 'rule'; change?: TrackedChange }
  /** Rows of cells as the editor keeps them: a merged cell stands only in its first row. */
  | {
      type: 'table'
      /** 1 for the text's first table (set by `numberInReadingOrder`). */
      number: number
      rows: TableCell[][]
      change?: TrackedChange
    }

/** A clause (level 1) or sub-clause (level 2) with the number and label the editor shows. */
export interface ExportClause {
  type: 'clause'
  id: string
  level: 1 | 2
  /** '3', or '3.1' for a sub-clause. */
  number: string
  /** The label in the document's language and style: 'Статья 3', 'Clause 3.1', '3.', '§ 3'. */
  label: string
  heading: Inline[]
  /** Set in a review copy when the whole clause is suggested: its label is then suggested too. */
  change?: TrackedChange
  /** Body blocks and, in a clause, its sub-clauses, in document order. */
  children: (Block | ExportClause)[]
}
