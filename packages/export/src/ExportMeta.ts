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
  messages: readonly ExportCommentMessage[]
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
  /** When the exported text was current: the version's time, or now for the current text. */
  date: Date
  /** Open threads to append (a review copy); absent or empty for no appendix. */
  threads?: readonly ExportThread[]
  /** Open suggestions: left out (`clean`, the default) or shown as tracked changes (`tracked`). */
  suggestions?: SuggestionMode
}
