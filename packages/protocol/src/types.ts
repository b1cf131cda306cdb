import type { DocumentStatus, Role } from './roles.js'

/** Languages the interface and documents are offered in. */
export const LANGUAGES = ['ru', 'en'] as const
export type Language = (typeof LANGUAGES)[number]

/** An account as the API shows it. */
export interface User {
  id: string
  email: string
  name: string
  role: Role
  /** Preferred interface language; null follows the browser. */
  language: Language | null
  active: boolean
  /** Colour of this person's caret and presence badge, derived from the id. */
  color: string
  createdAt: string
}

export interface DocumentInfo {
  id: string
  title: string
  status: DocumentStatus
  createdAt: string
  createdBy: string
  /** Last change to the title, status or text. */
  updatedAt: string
  /** Who moved the document into its current status, and when. */
  statusChangedAt: string
  statusChangedBy: { id: string; name: string } | null
}

export interface CreatedUser {
  user: User
  /** Present when the account was created without a password: hand it to the person. */
  invitationUrl?: string
}

/** Awareness `user` field that the server stamps on every connection. */
export interface PresenceUser {
  id: string
  name: string
  color: string
  role: Role
}

export type ThreadStatus = 'open' | 'resolved'

/** One message in a comment thread. Bodies are plain text; clients render them as text. */
export interface CommentMessage {
  id: string
  author: { id: string; name: string; color: string }
  body: string
  createdAt: string
  /** Set when the author edited the body. */
  editedAt: string | null
}

/**
 * A discussion anchored to a range of the text. `anchor.start`/`end` are base64 of
 * `Y.encodeRelativePosition(...)` into the `default` fragment, so the range follows the
 * words while others edit.
 */
export interface CommentThread {
  id: string
  documentId: string
  status: ThreadStatus
  quote: string
  anchor: { start: string; end: string }
  clauseId: string | null
  createdBy: string
  createdAt: string
  resolvedBy: string | null
  resolvedAt: string | null
  messages: CommentMessage[]
}

/**
 * What the per-document event stream (`GET /api/documents/:id/events`, Server-Sent Events)
 * delivers; the SSE event name is `type`.
 */
export type DocumentEvent =
  | { type: 'thread'; thread: CommentThread }
  | { type: 'threadDeleted'; threadId: string }
  | { type: 'document'; document: DocumentInfo }
  /** The server could not save recent changes and keeps retrying; they are safe in memory. */
  | { type: 'saveState'; failing: boolean }

/** A suggestion still open in the text: on the finalize checklist, and in a final text's appendix. */
export interface OpenSuggestion {
  id: string
  kind: 'insertion' | 'deletion' | 'replacement' | 'modification'
  authorName: string
  /** When it was suggested. */
  at: string
  clauseId: string | null
  clauseNumber: string | null
  /** Text it would take out, and text it would put in. */
  deleted: string
  inserted: string
}

/** A comment thread still open: on the finalize checklist, and in a final text's appendix. */
export interface OpenComment {
  threadId: string
  clauseId: string | null
  quote: string
  messages: { author: string; body: string; createdAt: string }[]
}

/** What is still open in a document (`GET /api/documents/:id/open-items`), in text order. */
export interface OpenItems {
  suggestions: OpenSuggestion[]
  comments: OpenComment[]
}

/**
 * How a document was last made final (`GET /api/documents/:id/finalization`): the version
 * that keeps its text, and what became of what was still open. `appendix` is set for the
 * decision `appendix` (and when items turned up while finalizing without a decision).
 */
export interface Finalization {
  documentId: string
  versionId: string
  finalizedAt: string
  finalizedBy: { id: string; name: string } | null
  decision: 'none' | 'appendix' | 'finalizeAnyway'
  reason: string | null
  appendix: OpenItems | null
}

/** A saved state of a document: named by a coordinator, or kept automatically by the server. */
export interface VersionInfo {
  id: string
  documentId: string
  name: string
  note: string | null
  kind: 'named' | 'auto'
  createdAt: string
  /** Null for automatic versions. */
  author: { id: string; name: string } | null
}

/** One line of the audit log: who did what, when. */
export interface AuditEntry {
  id: number
  at: string
  user: { id: string; name: string } | null
  /** e.g. `session.signIn`, `document.edited`, `comment.created`, `version.restored`. */
  action: string
  document: { id: string; title: string } | null
  details: Record<string, unknown> | null
}

/** Counted text changes of one person on one day (UTC), for the activity chart. */
export interface EditsPerDay {
  day: string
  userId: string
  name: string
  changes: number
}

/** What a person can be notified of. */
export const NOTIFICATION_TYPES = [
  'mention',
  'reply',
  'suggestionAccepted',
  'suggestionRejected',
  'versionNamed',
  'documentInReview',
  'documentFinalized',
  'roundOpened',
  'roundReminder',
  'roundClosed',
] as const
export type NotificationType = (typeof NOTIFICATION_TYPES)[number]

/** How a person gets mail: at once, in a daily digest, or not at all. */
export const EMAIL_MODES = ['immediate', 'daily', 'off'] as const
export type EmailMode = (typeof EMAIL_MODES)[number]

/** One item of a person's inbox (`GET /api/notifications`). */
export interface Notification {
  id: string
  type: NotificationType
  documentId: string | null
  documentTitle: string | null
  threadId: string | null
  /** Where exactly: a clause, a suggestion or a version, when the event has one. */
  target: { clauseId?: string; suggestionId?: string; versionId?: string; detail?: string } | null
  actor: { id: string; name: string } | null
  createdAt: string
  readAt: string | null
}

/** A person's mail preferences (`GET /api/me/notifications`, `PATCH /api/me`). */
export interface NotificationSettings {
  /** For every kind not named in `kinds`. */
  email: EmailMode
  kinds: Partial<Record<NotificationType, EmailMode>>
  /** The hour (0–23, in `timeZone`) the daily digest is sent at. */
  digestHour: number
  /** An IANA time zone, e.g. Europe/Moscow. */
  timeZone: string
}

/** What a closed review round came to (kept with it, shown in history and activity). */
export interface RoundSummary {
  participants: { id: string; name: string; comments: number; edits: number }[]
  comments: number
  replies: number
  edits: number
  decisions: { accepted: number; rejected: number }
}

/** A review round on a document (`/api/documents/:id/review-rounds`). */
export interface ReviewRound {
  id: string
  documentId: string
  openedBy: { id: string; name: string }
  openedAt: string
  deadline: string
  instructions: string
  /** Null: everyone with an account. */
  participants: { id: string; name: string }[] | null
  afterClose: 'draft' | 'review'
  status: 'open' | 'closed'
  closedAt: string | null
  /** Null when it closed at its deadline. */
  closedBy: { id: string; name: string } | null
  summary: RoundSummary | null
}

/** `POST /documents/:id/suggestions/decisions`: what was decided, and ids no longer there. */
export interface DecideSuggestionsResponse {
  decision: 'accept' | 'reject'
  resolved: string[]
  missing: string[]
}

/** `POST /documents/:id/suggestions/rollout`: the version kept, and where each suggestion went. */
export interface RolloutResponse {
  version: VersionInfo
  accepted: string[]
  rejected: string[]
  carriedOver: string[]
  missing: string[]
}

/** `POST /documents/:id/versions/:vid/restore`: the version restored and the text kept before. */
export interface RestoreVersionResponse {
  restored: VersionInfo
  savedAs: VersionInfo
}

/** `GET /api/notifications`: the newest inbox items and how many are unread. */
export interface InboxResponse {
  notifications: Notification[]
  unread: number
}

/** `GET /api/me/notifications`: one's mail preferences, and whether this server sends mail. */
export interface MailSettingsResponse {
  notifications: NotificationSettings
  mail: boolean
}

/** `GET /api/people/mentionable`: a person one may mention (names and ids, no addresses). */
export interface MentionablePerson {
  id: string
  name: string
}
