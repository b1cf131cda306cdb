import type { PublicComment } from './consultations.js'
import type { DocumentLanguage } from './documentLanguages.js'
import type { DocumentStatus, Role } from './roles.js'
import type { TranslationCounts, TranslationMarkEvent, WordChange } from './translations.js'

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
  /** The member body or organization the person speaks for (the compilation's MB column). */
  organization: string | null
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
  /** The language of the text (a key of DOCUMENT_LANGUAGE_TABLE). */
  language: DocumentLanguage
  /** For a translation, the document it translates; null for a source. */
  sourceDocumentId: string | null
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

/** What a comment is about, as the ISO/IEC template has it: ge, te, ed. */
export const COMMENT_TYPES = ['general', 'technical', 'editorial'] as const
export type CommentType = (typeof COMMENT_TYPES)[number]

/** What the group decided on a comment or suggestion. */
export const DECISIONS = ['accepted', 'acceptedInPrinciple', 'rejected', 'noted'] as const
export type Decision = (typeof DECISIONS)[number]

/** A recorded decision with its reason (coordinators and up). */
export interface Disposition {
  decision: Decision
  reason: string
  decidedBy: { id: string; name: string } | null
  decidedAt: string
}

/** One message in a comment thread. Bodies are plain text; clients render them as text. */
export interface CommentMessage {
  id: string
  author: { id: string; name: string; color: string }
  body: string
  createdAt: string
  /** Set when the author edited the body. */
  editedAt: string | null
  /**
   * Set when the message came from an imported file: `author.name` is the name the file
   * gives (no account), and `createdAt` the date it gives.
   */
  imported?: true
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
  type: CommentType
  /** The words the commenter would put instead (of the quote, where it replaces one). */
  proposedChange: string | null
  disposition: Disposition | null
  /**
   * Who the comment came from when that is not its first message's author: a row of an
   * offline template, imported by a coordinator.
   */
  submittedBy: { name: string; organization: string | null } | null
  createdBy: string
  createdAt: string
  resolvedBy: string | null
  resolvedAt: string | null
  messages: CommentMessage[]
}

/** One line of the compilation of comments (`GET /api/documents/:id/disposition`). */
export interface CompilationRow {
  /** Where it comes from: a comment thread, a suggestion of the text, or a public consultation. */
  source: 'comment' | 'suggestion' | 'public'
  id: string
  clauseId: string | null
  /** '3.1'; null outside clauses (general comments) or for a clause no longer in the text. */
  clauseNumber: string | null
  /** The words commented on (the quote), or the text a suggestion would remove. */
  paragraph: string
  author: string
  organization: string
  /** Null for suggestions: they carry no type. */
  type: CommentType | null
  comment: string
  proposedChange: string
  /**
   * The proposed change as word changes against the quote it replaces (a thread anchored on
   * quoted words with a proposed change); null otherwise.
   */
  redline: WordChange[] | null
  decision: Decision | null
  reason: string
}

/** The compilation of comments of a document, in clause order. */
export interface Compilation {
  document: { id: string; title: string }
  generatedAt: string
  rows: CompilationRow[]
  /** Per clause (null: outside clauses): how many rows, and how many of each decision. */
  summary: ClauseDispositionSummary[]
  /**
   * Per review round of the document, oldest first (only the one asked for with `round`;
   * none with `consultation`): the comments and suggestions made during it, and their decisions.
   */
  rounds: RoundDispositionSummary[]
}

export interface RoundDispositionSummary {
  roundId: string
  openedAt: string
  /** Null while the round is open. */
  closedAt: string | null
  total: number
  undecided: number
  decisions: Record<Decision, number>
}

export interface ClauseDispositionSummary {
  clauseId: string | null
  clauseNumber: string | null
  total: number
  undecided: number
  decisions: Record<Decision, number>
}

/** `POST /api/documents/:id/disposition/import`: what became a comment and what did not. */
export interface DispositionImportReport {
  created: number
  threads: string[]
  unplaced: { row: number; clause: string; reason: string }[]
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
  /** A language version of this document (or of its source) was added. */
  | { type: 'languages' }
  /** A clause of this translation was marked translated. */
  | ({ type: 'clauseMarked' } & TranslationMarkEvent)
  /** A version was kept: named, automatic, before a restore, final or rolled out. */
  | { type: 'version'; version: VersionInfo }
  /** A coordinator recorded (or withdrew, null) the decision on a suggestion. */
  | {
      type: 'suggestionDecided'
      suggestionId: string
      disposition: { decision: Decision; reason: string } | null
    }
  /**
   * A public comment entered moderation (confirmed, or sent where mail is not configured) or
   * was moderated (published, rejected, decided). Sent only to those who may moderate.
   */
  | { type: 'publicComment'; consultationId: string; comment: PublicComment }
  /**
   * A public commenter's data was erased: on request, `comments` are the ones they sent, as
   * they now are (no name, no organization); after the retention period only addresses went,
   * which no one is shown, and `comments` is empty. Never the address. Sent only to those
   * who may moderate.
   */
  | {
      type: 'publicCommentsErased'
      consultationId: string
      reason: 'request' | 'retention'
      comments: PublicComment[]
    }

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
  /**
   * Why the server named it, for clients to name it in their own language: the text kept
   * before a restore (`originOf` is the restored version's name) or the text made final.
   * Null for versions named by people and for automatic ones.
   */
  origin: VersionOrigin | null
  /** The version restored, when `origin` is `beforeRestore`; otherwise null. */
  originOf: Pick<VersionInfo, 'id' | 'name' | 'kind' | 'createdAt'> | null
  /**
   * Automatic versions: how much changed since the one before (Yjs items inserted plus
   * deleted: characters, for text), and who made those edits. Null and empty for named ones.
   */
  changes: number | null
  editors: { id: string; name: string }[]
}

/**
 * `POST /documents/:id/versions`: the version named; with `translations: true` on a source,
 * the same version named in each translation too.
 */
export interface CreateVersionResponse extends VersionInfo {
  translations?: { documentId: string; language: string; version: VersionInfo }[]
}
/** Why the server itself named a version (see `VersionInfo.origin`). */
export const VersionOrigin = { beforeRestore: 'beforeRestore', final: 'final' } as const
export type VersionOrigin = (typeof VersionOrigin)[keyof typeof VersionOrigin]

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

/** The outline of an imported document, clause by clause (numbers as the editor computes them). */
export interface ImportOutlineEntry {
  id: string
  number: string
  heading: string
  level: 1 | 2
  children?: ImportOutlineEntry[]
}

/** What an import found: counts, and what the document does not keep (`warnings`). */
export interface ImportReport {
  format: 'docx' | 'odt' | 'md' | 'html'
  clauses: number
  comments: number
  suggestions: number
  tables: number
  footnotes: number
  warnings: { code: string; count: number; message: string }[]
}

/** `POST /api/documents/import?dryRun=1`: what would be created. */
export interface ImportPreview {
  report: ImportReport
  outline: ImportOutlineEntry[]
}

/** `POST /api/documents/import`: the new document and what was brought in. */
export interface ImportResult {
  document: DocumentInfo
  report: ImportReport
}

/** A clause of an imported language version or of its source, where the other has none. */
export interface UnmatchedClause {
  /** Its number ('3', '3.1') in the file or in the source. */
  number: string
  heading: string
}

/**
 * How the clauses of a file imported as a language version met the source's: matched by
 * place (the file's clause 3 is the source's clause 3, its 3.1 the source's 3.1), a matched
 * clause taking the source clause's id.
 */
export interface ImportAlignment {
  matched: number
  /** Clauses of the file with no source clause at their place: kept, with ids of their own. */
  extra: UnmatchedClause[]
  /** Source clauses with no clause of the file at their place: untranslated structure. */
  missing: UnmatchedClause[]
}

/** `POST /api/documents/:id/languages/import?dryRun=1`: what would be created. */
export interface ImportTranslationPreview extends ImportPreview {
  alignment: ImportAlignment
}

/** `POST /api/documents/:id/languages/import`: the new language version and how it aligned. */
export interface ImportTranslationResult extends ImportResult {
  alignment: ImportAlignment
}

/** `GET /api/documents/:id/languages`: the source and each translation with its counts. */
export interface LanguagesResponse {
  source: DocumentInfo
  translations: { document: DocumentInfo; counts: TranslationCounts }[]
}

/**
 * Who wrote under one Yjs client id of a document, from `fromClock` on (up to the next entry
 * of the same client id, if any): the person whose connection sent that text to the server.
 */
export interface DocumentAuthor {
  /** The Yjs client id (`Y.Doc.clientID`) of one editor tab. */
  clientId: number
  fromClock: number
  user: { id: string; name: string; color: string }
}

/**
 * `GET /documents/:id/authors[?since=VERSION]`: who wrote under each client id, as the server
 * recorded it; with `since`, the version's state vector (base64 of `Y.encodeStateVector`), so
 * text typed after it can be told apart.
 */
export interface DocumentAuthorsResponse {
  authors: DocumentAuthor[]
  since?: { versionId: string; stateVector: string }
}
