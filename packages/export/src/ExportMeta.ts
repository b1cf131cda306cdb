import type { ClauseLabelStyle, DocumentLanguage } from '@accord/schema'
import type { SuggestionMode } from './suggestionModes.js'

/** One message of a comment thread, as the appendix of a review copy shows it. */
export interface ExportCommentMessage {
  author: string
  body: string
  createdAt: Date
}

/** An open comment thread, for the optional appendix of a review copy. */
export interface ExportThread {
  /** The clause the thread was made on (its label is looked up in the exported text), or null. */
  clauseId: string | null
  /** The text the thread is about, as it was quoted when the thread was made. */
  quote: string
  /**
   * Where its anchor's words are in the exported `content` now (ProseMirror positions), when
   * known: they may have been edited since the quote, and may run over several paragraphs,
   * headings or clauses. Real comments are placed there first, else where the quote stands.
   */
  range?: { from: number; to: number }
  messages: readonly ExportCommentMessage[]
}

/** A suggestion that was open when the document was made final, kept in its appendix. */
export interface ExportCarriedSuggestion {
  clauseId: string | null
  kind: 'insertion' | 'deletion' | 'replacement' | 'modification'
  author: string
  /** When it was suggested. */
  at: Date
  /** Text it would have taken out, and put in. */
  deleted: string
  inserted: string
}

/** What was open when the document was made final and was carried as the appendix. */
export interface ExportCarried {
  suggestions: readonly ExportCarriedSuggestion[]
  comments: readonly ExportThread[]
}

/** What an export needs besides the document body. */
export interface ExportMeta {
  /** The document's id: it makes the Akoma Ntoso FRBR identifiers stable. */
  documentId: string
  title: string
  /** Language of the text; it decides the clause labels and the words the export adds. */
  language: DocumentLanguage
  clauseLabel: ClauseLabelStyle
  /** Name of the exported version; absent for the current text. */
  versionName?: string
  /**
   * When the exported text was current: the version's time, or now for the current text; for
   * the final text, when it was made final.
   */
  date: Date
  /** True for a document's final text (it says "Final text" instead of "Current text"). */
  final?: boolean
  /** The appendix of a final text: what was open when it was made final. */
  carried?: ExportCarried
  /**
   * Open threads to append: present (even empty) for a review copy, which is named as such;
   * absent for a plain copy.
   */
  threads?: readonly ExportThread[]
  /**
   * Open suggestions: left out (`clean`, the default) or shown as tracked changes (`tracked`,
   * which makes it a review copy).
   */
  suggestions?: SuggestionMode
}
