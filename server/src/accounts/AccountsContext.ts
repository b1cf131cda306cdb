import type { PresenceUser } from '@accord/protocol'
import type { SetupToken } from '../auth/SetupToken.js'
import type { Mailer } from '../mail/Mailer.js'
import type { NotificationSettingsStore } from '../notifications/NotificationSettingsStore.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { OneTimeLinkStore } from '../store/OneTimeLinkStore.js'
import type { SessionStore } from '../store/SessionStore.js'
import type { UserStore } from '../store/UserStore.js'

/** Everything the account operations use, given once by the composition root. */
export interface AccountsContext {
  users: UserStore
  sessions: SessionStore
  invitations: OneTimeLinkStore
  passwordResets: OneTimeLinkStore
  audit: AuditLog
  setup: SetupToken
  /** Tells every instance an account changed: its new presence, or null once deactivated. */
  announceUser(userId: string, user: PresenceUser | null): void
  /** Tells every instance to close what is open on these sessions. */
  announceSessionsEnded(sessionIds: string[]): void
  /** The link an invitation or reset token is opened with. */
  invitationUrl(token: string): string
  /** The link a password reset by mail is opened with. */
  resetUrl(token: string): string
  /** Absent when SMTP_URL and MAIL_FROM are not set. */
  mailer: Mailer | undefined
  /** A person's mail preferences, changed with their profile. */
  notificationSettings: NotificationSettingsStore
}
