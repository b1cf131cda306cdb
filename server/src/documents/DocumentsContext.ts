import type { DocumentStatus, User } from '@accord/protocol'
import type { ExportPool } from '../export/ExportPool.js'
import type { ExportQueue } from '../export/ExportQueue.js'
import type { ImportPool } from '../import/ImportPool.js'
import type { ImportSlots } from '../import/ImportSlots.js'
import type { Logger } from '../logger.js'
import type { ReviewRoundStore } from '../reviewRounds/ReviewRoundStore.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { AuthorStore } from '../store/AuthorStore.js'
import type { CommentStore } from '../store/CommentStore.js'
import type { ConsultationStore } from '../store/ConsultationStore.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { DocumentOpens } from '../store/DocumentOpens.js'
import type { FinalizationStore } from '../store/FinalizationStore.js'
import type { GlossaryStore } from '../store/GlossaryStore.js'
import type { OpenSuggestions } from '../store/OpenSuggestions.js'
import type { PublicCommentStore } from '../store/PublicCommentStore.js'
import type { SuggestionDispositionStore } from '../store/SuggestionDispositionStore.js'
import type { TranslationMarks } from '../store/TranslationMarks.js'
import type { UserStore } from '../store/UserStore.js'
import type { VersionStore } from '../store/VersionStore.js'
import type { WaitingThreads } from '../store/WaitingThreads.js'
import type { DocumentEvents } from './DocumentEvents.js'
import type { LiveDocuments } from './LiveDocuments.js'
import type { InFlightEdits } from './versions/InFlightEdits.js'

/** The person an operation acts for: what it checks permissions against and records. */
export type Actor = Pick<User, 'id' | 'role'>

/** Everything the document operations use, given once by the composition root. */
export interface DocumentsContext {
  catalog: DocumentCatalog
  versions: VersionStore
  comments: CommentStore
  /** Who wrote under each Yjs client id of a document (authorship). */
  authors: AuthorStore
  /** Decisions on suggestions, kept with what each suggestion was. */
  suggestionDispositions: SuggestionDispositionStore
  /** Public consultations and their published comments: they enter the compilation. */
  consultations: ConsultationStore
  publicComments: PublicCommentStore
  /** How documents were made final (decision on open items, appendix). */
  finalizations: FinalizationStore
  /** Who may be mentioned: people with an active account. */
  users: UserStore
  audit: AuditLog
  /** Non-text changes, to every instance's event streams. */
  events: DocumentEvents
  live: LiveDocuments
  /** Tells every instance's open connections a document's new status (they obey it at once). */
  announceStatus(documentId: string, status: DocumentStatus): void
  /** Adds edits in flight at a restore to its "before" version. */
  inFlightEdits: InFlightEdits
  /** Places for exports (how many render at once, wait, and per account) and their workers. */
  exportQueue: ExportQueue
  exportPool: ExportPool
  /** Which clauses of each translation were marked translated, against which source text. */
  translationMarks: TranslationMarks
  /** The installation's termbase, for the terminology check of translations. */
  glossary: GlossaryStore
  /** The worker threads that read imported files, and the imports each account has running. */
  importPool: ImportPool
  importSlots: ImportSlots
  /** For what goes wrong after an answer is settled (a failed import's cleanup). */
  logger: Logger
  /** For "my work": open threads awaiting an answer, saved open suggestions, documents opened. */
  waitingThreads: WaitingThreads
  openSuggestions: OpenSuggestions
  documentOpens: DocumentOpens
  /** Review rounds: the compilation of comments can be limited to one and summed per round. */
  rounds: ReviewRoundStore
}
