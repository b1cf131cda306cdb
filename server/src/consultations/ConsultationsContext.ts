import type { DocumentEvents } from '../documents/DocumentEvents.js'
import type { Logger } from '../logger.js'
import type { Clock } from '../mail/Clock.js'
import type { Mailer } from '../mail/Mailer.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { ConsultationStore } from '../store/ConsultationStore.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { PublicCommentStore } from '../store/PublicCommentStore.js'
import type { VersionStore } from '../store/VersionStore.js'
import type { PublishedComments } from './PublishedComments.js'
import type { VersionTexts } from './VersionTexts.js'

/** Everything the consultation operations use, given once by the composition root. */
export interface ConsultationsContext {
  consultations: ConsultationStore
  publicComments: PublicCommentStore
  /** The published comments as the public sees them, reused for a moment (public pages). */
  published: PublishedComments
  catalog: DocumentCatalog
  versions: VersionStore
  /** The consultations' versions, parsed once (a version never changes). */
  texts: VersionTexts
  audit: AuditLog
  /** Moderation pages hear of comments entering moderation and of other coordinators' work. */
  events: Pick<DocumentEvents, 'publish'>
  logger: Logger
  /** Present when mail is configured: a comment is then confirmed by a mailed link first. */
  mailer: Mailer | undefined
  /** The origin of public links (the page, the confirmation link). */
  origin: string
  /** When consultations open and close, and when their retention ends (tests move it). */
  clock: Clock
  /** Days after closing that commenters' addresses are kept (ACCORD_CONSULTATION_RETENTION_DAYS). */
  retentionDays: number
}
