import type { AccountOperations } from '../accounts/accountOperations.js'
import type { Authenticator } from '../auth/Authenticator.js'
import type { Config } from '../config.js'
import type { DocumentOperations } from '../documents/documentOperations.js'
import type { Logger } from '../logger.js'

/** Everything the HTTP routes may use, handed over by the composition root. */
export interface AppDeps {
  config: Config
  logger: Logger
  /** Whether this instance can serve now: its database answers and its cluster link is up. */
  readiness(): Promise<{ database: boolean; cluster: boolean }>
  authenticator: Authenticator
  documents: DocumentOperations
  accounts: AccountOperations
}
