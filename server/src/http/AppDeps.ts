import type { Authenticator } from '../auth/Authenticator.js'
import type { Cluster } from '../cluster/Cluster.js'
import type { RoomRegistry } from '../collab/RoomRegistry.js'
import type { Config } from '../config.js'
import type { ExportPool } from '../export/ExportPool.js'
import type { ExportQueue } from '../export/ExportQueue.js'
import type { ImportPool } from '../import/ImportPool.js'
import type { ImportSlots } from '../import/ImportSlots.js'
import type { Logger } from '../logger.js'
import type { DocumentEvents } from '../services/DocumentEvents.js'
import type { InFlightEdits } from '../services/restore/InFlightEdits.js'
import type { SetupToken } from '../services/SetupToken.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { CommentStore } from '../store/CommentStore.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { InvitationStore } from '../store/InvitationStore.js'
import type { SessionStore } from '../store/SessionStore.js'
import type { UserStore } from '../store/UserStore.js'
import type { VersionStore } from '../store/VersionStore.js'

/** Everything the HTTP routes may use, handed over by the composition root. */
export interface AppDeps {
  config: Config
  logger: Logger
  users: UserStore
  sessions: SessionStore
  invitations: InvitationStore
  catalog: DocumentCatalog
  audit: AuditLog
  registry: RoomRegistry
  /** Tells every instance about account and status changes. */
  cluster: Cluster
  /** Whether this instance can serve now: its database answers and its cluster link is up. */
  readiness(): Promise<{ database: boolean; cluster: boolean }>
  authenticator: Authenticator
  setup: SetupToken
  events: DocumentEvents
  comments: CommentStore
  versions: VersionStore
  /** Adds edits in flight at a restore to its "before" version. */
  inFlightEdits: InFlightEdits
  /** Places for exports: how many render at once, wait, and per account. */
  exportQueue: ExportQueue
  /** The worker threads that render exports. */
  exportPool: ExportPool
  /** The worker threads that read imported files. */
  importPool: ImportPool
  /** Imports each account has running. */
  importSlots: ImportSlots
}
