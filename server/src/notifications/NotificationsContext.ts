import type { Mailer } from '../mail/Mailer.js'
import type { UnsubscribeTokens } from '../mail/UnsubscribeTokens.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { UserStore } from '../store/UserStore.js'
import type { InboxEvents } from './InboxEvents.js'
import type { NotificationSettingsStore } from './NotificationSettingsStore.js'
import type { NotificationStore } from './NotificationStore.js'
import type { WatchStore } from './WatchStore.js'

/** Everything the notification operations use, given once by the composition root. */
export interface NotificationsContext {
  users: UserStore
  catalog: DocumentCatalog
  audit: AuditLog
  notifications: NotificationStore
  settings: NotificationSettingsStore
  watches: WatchStore
  /** Unread counts, live, to each person's inbox streams. */
  inbox: InboxEvents
  unsubscribeTokens: UnsubscribeTokens
  /** Absent when SMTP_URL and MAIL_FROM are not set. */
  mailer: Mailer | undefined
}
