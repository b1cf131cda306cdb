import type { DocumentStatus, User } from '@accord/protocol'
import type { ExportPool } from '../export/ExportPool.js'
import type { ExportQueue } from '../export/ExportQueue.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { CommentStore } from '../store/CommentStore.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { FinalizationStore } from '../store/FinalizationStore.js'
import type { UserStore } from '../store/UserStore.js'
import type { VersionStore } from '../store/VersionStore.js'
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
}
