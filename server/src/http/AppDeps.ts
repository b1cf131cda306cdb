import type { AccountOperations } from '../accounts/accountOperations.js'
import type { Authenticator } from '../auth/Authenticator.js'
import type { Config } from '../config.js'
import type { ConsultationOperations } from '../consultations/consultationOperations.js'
import type { DocumentOperations } from '../documents/documentOperations.js'
import type { GlossaryOperations } from '../glossary/glossaryOperations.js'
import type { Logger } from '../logger.js'
import type { NotificationOperations } from '../notifications/notificationOperations.js'
import type { ReviewRounds } from '../reviewRounds/ReviewRounds.js'
import type { LimitStores } from './limits/countedLimit.js'

/** Everything the HTTP routes may use, handed over by the composition root. */
export interface AppDeps {
  config: Config
  logger: Logger
  /** Where rate limits count: shared by the instances when there are several. */
  limitStores: LimitStores
  /** Whether this instance can serve now: its database answers and its cluster link is up. */
  readiness(): Promise<{ database: boolean; cluster: boolean }>
  authenticator: Authenticator
  documents: DocumentOperations
  accounts: AccountOperations
  notifications: NotificationOperations
  reviewRounds: ReviewRounds
  glossary: GlossaryOperations
  consultations: ConsultationOperations
}
