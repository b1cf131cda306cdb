import type { DocumentDiff } from '@accord/diff'
import type {
  AcceptInvitationRequest,
  AddLanguageBody,
  AlignmentResponse,
  ApplyStructureRequest,
  AuditEntry,
  ChangePasswordRequest,
  CommentBodyRequest,
  CommentThread,
  Compilation,
  CompleteResetRequest,
  Consultation,
  CreateConsultationBody,
  CreateDocumentBody,
  CreatedUser,
  CreateThreadRequest,
  CreateUserRequest,
  CreateVersionRequest,
  CreateVersionResponse,
  DecideSuggestionsResponse,
  DispositionImportReport,
  DispositionRequest,
  DocumentAuthorsResponse,
  DocumentInfo,
  EditsPerDay,
  ErrorBody,
  GlossaryEntry,
  GlossaryEntryBody,
  ImportGlossaryRequest,
  ImportPreview,
  ImportResult,
  ImportTranslationPreview,
  ImportTranslationResult,
  InboxResponse,
  Language,
  LanguagesResponse,
  LoginRequest,
  MailSettingsResponse,
  MarkNotificationsReadRequest,
  MentionablePerson,
  ModeratePublicCommentRequest,
  MyWorkResponse,
  NotificationSettings,
  NotificationSettingsPatch,
  OpenReviewRoundRequest,
  PublicComment,
  PublicCommentStatus,
  ReplyRequest,
  RequestResetRequest,
  ResolveSuggestionsRequest,
  RestoreVersionResponse,
  ReviewRound,
  RolloutBody,
  RolloutResponse,
  SetupRequest,
  StructuralChange,
  SuggestionDispositionRequest,
  ThreadStatusRequest,
  TranslationMarkEvent,
  UpdateDocumentRequest,
  UpdateProfileRequest,
  UpdateThreadRequest,
  UpdateUserRequest,
  User,
  VersionInfo,
} from '@accord/protocol'
import { ErrorCode } from '@accord/protocol'
import type { DocumentSettings, SuggestionSummary } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'

/** Code of an error the client detects itself: the server could not be reached or answered garbage. */
export const NETWORK_ERROR = 'network_error'

/** A failed API call. `code` is the server's stable error code (or NETWORK_ERROR), used for translation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** The error's `details`, e.g. `{ reason }` of a refused import. */
    readonly details?: unknown,
  ) {
    super(message)
    this.name = 'ApiError'
  }
}

type Listener = () => void
const sessionEndedListeners = new Set<Listener>()

/** Called whenever the server says the session is gone, so the app can show the sign-in page. */
export const onSessionEnded = (listener: Listener): (() => void) => {
  sessionEndedListeners.add(listener)
  return () => sessionEndedListeners.delete(listener)
}

const isErrorBody = (value: unknown): value is ErrorBody =>
  typeof value === 'object' &&
  value !== null &&
  'error' in value &&
  typeof (value as ErrorBody).error?.code === 'string'

/** JSON in and out; a FormData body (a file) is sent as the browser's form would, multipart. */
const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' }
  const form = body instanceof FormData
  // The server refuses state-changing requests without a JSON content type (CSRF defence);
  // multipart is taken on the import path only, and the browser writes its boundary.
  if (body !== undefined && !form) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : form ? body : JSON.stringify(body),
    })
  } catch (cause) {
    throw new ApiError(0, NETWORK_ERROR, cause instanceof Error ? cause.message : String(cause))
  }
  if (response.status === 204) return undefined as T
  const payload: unknown = await response.json().catch(() => undefined)
  if (response.ok) return payload as T
  if (isErrorBody(payload)) {
    if (payload.error.code === ErrorCode.unauthenticated) {
      for (const listener of sessionEndedListeners) listener()
    }
    throw new ApiError(
      response.status,
      payload.error.code,
      payload.error.message,
      payload.error.details,
    )
  }
  throw new ApiError(response.status, NETWORK_ERROR, `HTTP ${response.status}`)
}

const importForm = (file: File, title?: string): FormData => {
  const form = new FormData()
  form.append('file', file, file.name)
  if (title) form.append('title', title)
  return form
}

/** A file to import as a language version, and its language. */
const languageForm = (file: File, language: string): FormData => {
  const form = importForm(file)
  form.append('language', language)
  return form
}

const json = <T>(path: string) => request<T>('GET', path)
const path = (template: TemplateStringsArray, ...ids: string[]) =>
  template.reduce(
    (out, part, i) => out + part + (i < ids.length ? encodeURIComponent(ids[i] ?? '') : ''),
    '',
  )

/** Typed calls of the Accord HTTP API (same origin, cookie session). */
export const api = {
  setupNeeded: () => json<{ needed: boolean }>('/api/setup'),
  setup: (body: SetupRequest) => request<{ user: User }>('POST', '/api/setup', body),

  me: () => json<{ user: User }>('/api/me'),
  signIn: (body: LoginRequest) => request<{ user: User }>('POST', '/api/session', body),
  signOut: () => request<void>('DELETE', '/api/session'),
  updateProfile: (body: UpdateProfileRequest) => request<{ user: User }>('PATCH', '/api/me', body),
  changePassword: (body: ChangePasswordRequest) => request<void>('POST', '/api/me/password', body),

  users: () => json<{ users: User[] }>('/api/users'),
  createUser: (body: CreateUserRequest) => request<CreatedUser>('POST', '/api/users', body),
  updateUser: (id: string, body: UpdateUserRequest) =>
    request<{ user: User }>('PATCH', path`/api/users/${id}`, body),
  newInvitation: (id: string) =>
    request<{ invitationUrl: string }>('POST', path`/api/users/${id}/invitation`, {}),

  invitation: (token: string) =>
    json<{ email: string; name: string }>(path`/api/invitations/${token}`),
  acceptInvitation: (token: string, body: AcceptInvitationRequest) =>
    request<{ user: User }>('POST', path`/api/invitations/${token}`, body),

  documents: (query: string) =>
    json<{ documents: DocumentInfo[] }>(
      query ? `/api/documents?q=${encodeURIComponent(query)}` : '/api/documents',
    ),
  createDocument: (body: CreateDocumentBody) =>
    request<DocumentInfo>('POST', '/api/documents', body),
  document: (id: string) => json<DocumentInfo>(path`/api/documents/${id}`),
  /** What importing `file` would create: outline, counts, warnings. Nothing is created. */
  previewImport: (file: File) =>
    request<ImportPreview>('POST', '/api/documents/import?dryRun=1', importForm(file)),
  importDocument: (file: File, title?: string) =>
    request<ImportResult>('POST', '/api/documents/import', importForm(file, title)),
  /** How `file` would come in as the `language` version of source `id`. Nothing is created. */
  previewLanguageImport: (id: string, file: File, language: string) =>
    request<ImportTranslationPreview>(
      'POST',
      `${path`/api/documents/${id}/languages/import`}?dryRun=1`,
      languageForm(file, language),
    ),
  importLanguage: (id: string, file: File, language: string) =>
    request<ImportTranslationResult>(
      'POST',
      path`/api/documents/${id}/languages/import`,
      languageForm(file, language),
    ),
  updateDocument: (id: string, body: UpdateDocumentRequest) =>
    request<DocumentInfo>('PATCH', path`/api/documents/${id}`, body),

  glossary: () => json<{ entries: GlossaryEntry[] }>('/api/glossary'),
  addGlossaryEntry: (body: GlossaryEntryBody) =>
    request<{ entry: GlossaryEntry }>('POST', '/api/glossary', body),
  updateGlossaryEntry: (id: string, body: GlossaryEntryBody) =>
    request<{ entry: GlossaryEntry }>('PATCH', path`/api/glossary/${id}`, body),
  deleteGlossaryEntry: (id: string) => request<void>('DELETE', path`/api/glossary/${id}`),
  importGlossary: (body: ImportGlossaryRequest) =>
    request<{ added: number; entries: GlossaryEntry[] }>('POST', '/api/glossary/import', body),
  languages: (id: string) => json<LanguagesResponse>(path`/api/documents/${id}/languages`),
  addLanguage: (id: string, body: AddLanguageBody) =>
    request<{ document: DocumentInfo }>('POST', path`/api/documents/${id}/languages`, body),
  alignment: (translationId: string) =>
    json<AlignmentResponse>(path`/api/documents/${translationId}/alignment`),
  markTranslated: (translationId: string, clauseId: string) =>
    request<TranslationMarkEvent>(
      'POST',
      path`/api/documents/${translationId}/clauses/${clauseId}/translated`,
      {},
    ),
  applyStructure: (translationId: string, body: ApplyStructureRequest) =>
    request<{ applied: StructuralChange[] }>(
      'POST',
      path`/api/documents/${translationId}/structure/apply`,
      body,
    ),

  threads: (documentId: string) =>
    json<{ threads: CommentThread[] }>(path`/api/documents/${documentId}/comments`),
  createThread: (documentId: string, body: CreateThreadRequest) =>
    request<{ thread: CommentThread }>('POST', path`/api/documents/${documentId}/comments`, body),
  reply: (documentId: string, threadId: string, body: string, mentions?: string[]) =>
    request<{ thread: CommentThread }>(
      'POST',
      path`/api/documents/${documentId}/comments/${threadId}/replies`,
      { body, ...(mentions?.length ? { mentions } : {}) } satisfies ReplyRequest,
    ),
  setThreadStatus: (documentId: string, threadId: string, status: ThreadStatusRequest['status']) =>
    request<{ thread: CommentThread }>(
      'PATCH',
      path`/api/documents/${documentId}/comments/${threadId}`,
      { status } satisfies ThreadStatusRequest,
    ),
  /** Records (or, with null, withdraws) the decision on a thread (coordinators and up). */
  decideThread: (documentId: string, threadId: string, disposition: DispositionRequest | null) =>
    request<{ thread: CommentThread }>(
      'PATCH',
      path`/api/documents/${documentId}/comments/${threadId}`,
      { disposition } satisfies UpdateThreadRequest,
    ),
  /** Records (or withdraws) the decision on a suggestion, for the compilation of comments. */
  decideSuggestion: (
    documentId: string,
    suggestionId: string,
    disposition: DispositionRequest | null,
  ) =>
    request<{ disposition: unknown }>(
      'PATCH',
      path`/api/documents/${documentId}/suggestions/${suggestionId}`,
      { disposition } satisfies SuggestionDispositionRequest,
    ),
  compilation: (documentId: string) =>
    json<Compilation>(path`/api/documents/${documentId}/disposition`),
  /**
   * Where the compilation of comments downloads as a file, headed in `lang`; with `round`,
   * only what was made during that review round.
   */
  compilationUrl: (
    documentId: string,
    format: 'docx' | 'xlsx' | 'csv',
    lang: Language,
    round?: string,
  ) =>
    `${path`/api/documents/${documentId}/disposition`}?format=${format}&lang=${lang}${round ? `&round=${encodeURIComponent(round)}` : ''}`,
  /** A filled-in template (DOCX or XLSX), base64, becomes comments on its clauses. */
  importTemplate: (documentId: string, file: string) =>
    request<DispositionImportReport>(
      'POST',
      path`/api/documents/${documentId}/disposition/import`,
      { file },
    ),
  editMessage: (documentId: string, threadId: string, messageId: string, body: string) =>
    request<{ thread: CommentThread }>(
      'PATCH',
      path`/api/documents/${documentId}/comments/${threadId}/messages/${messageId}`,
      { body } satisfies CommentBodyRequest,
    ),
  /** Resolves to undefined when the thread's last message went, and the thread with it. */
  deleteMessage: (documentId: string, threadId: string, messageId: string) =>
    request<{ thread: CommentThread } | undefined>(
      'DELETE',
      path`/api/documents/${documentId}/comments/${threadId}/messages/${messageId}`,
    ),
  decideSuggestions: (documentId: string, body: ResolveSuggestionsRequest) =>
    request<DecideSuggestionsResponse>(
      'POST',
      path`/api/documents/${documentId}/suggestions/decisions`,
      body,
    ),
  rollout: (documentId: string, body: RolloutBody) =>
    request<RolloutResponse>('POST', path`/api/documents/${documentId}/suggestions/rollout`, body),
  suggestions: (documentId: string) =>
    json<{ suggestions: SuggestionSummary[] }>(path`/api/documents/${documentId}/suggestions`),
}

/** Typed calls for versions, comparison and activity (loaded with the history page). */
/** The inbox, mail settings, watching, and people one may mention. */
/** What waits for the signed-in person across documents (the "My work" page). */
export const myWorkApi = {
  read: () => json<MyWorkResponse>('/api/me/work'),
}

export const inboxApi = {
  list: () => json<InboxResponse>('/api/notifications'),
  markRead: (which: MarkNotificationsReadRequest) =>
    request<void>('POST', '/api/notifications/read', which),
  settings: () => json<MailSettingsResponse>('/api/me/notifications'),
  updateSettings: (notifications: NotificationSettingsPatch) =>
    request<{ user: User; notifications: NotificationSettings }>('PATCH', '/api/me', {
      notifications,
    }),
  watching: (documentId: string) =>
    json<{ watching: boolean }>(path`/api/documents/${documentId}/watch`),
  setWatching: (documentId: string, watching: boolean) =>
    request<{ watching: boolean }>(
      watching ? 'PUT' : 'DELETE',
      path`/api/documents/${documentId}/watch`,
      {},
    ),
  mentionable: (query: string, limit = 8) =>
    json<{ people: MentionablePerson[] }>(
      `/api/people/mentionable?q=${encodeURIComponent(query)}&limit=${limit}`,
    ),
  rounds: (documentId: string) =>
    json<{ rounds: ReviewRound[] }>(path`/api/documents/${documentId}/review-rounds`),
  openRound: (documentId: string, body: OpenReviewRoundRequest) =>
    request<{ round: ReviewRound }>('POST', path`/api/documents/${documentId}/review-rounds`, body),
  closeRound: (documentId: string, roundId: string) =>
    request<{ round: ReviewRound }>(
      'POST',
      path`/api/documents/${documentId}/review-rounds/${roundId}/close`,
      {},
    ),
  requestReset: (email: string) =>
    request<void>('POST', '/api/password-resets', { email } satisfies RequestResetRequest),
  reset: (token: string) =>
    json<{ email: string; name: string }>(path`/api/password-resets/${token}`),
  completeReset: (token: string, password: string) =>
    request<{ user: User }>('POST', path`/api/password-resets/${token}`, {
      password,
    } satisfies CompleteResetRequest),
}

export const historyApi = {
  versions: (documentId: string) =>
    json<{ versions: VersionInfo[] }>(path`/api/documents/${documentId}/versions`),
  createVersion: (documentId: string, body: CreateVersionRequest) =>
    request<CreateVersionResponse>('POST', path`/api/documents/${documentId}/versions`, body),
  version: (documentId: string, versionId: string) =>
    json<{ version: VersionInfo; content: JSONContent; settings: DocumentSettings }>(
      path`/api/documents/${documentId}/versions/${versionId}`,
    ),
  restore: (documentId: string, versionId: string) =>
    request<RestoreVersionResponse>(
      'POST',
      path`/api/documents/${documentId}/versions/${versionId}/restore`,
      {},
    ),
  diff: (documentId: string, from: string, to: string) =>
    json<DocumentDiff & { from: string; to: string }>(
      `${path`/api/documents/${documentId}/diff`}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`,
    ),
  authors: (documentId: string, since?: string) =>
    json<DocumentAuthorsResponse>(
      `${path`/api/documents/${documentId}/authors`}${since ? `?since=${encodeURIComponent(since)}` : ''}`,
    ),
  activity: (documentId: string) =>
    json<{ entries: AuditEntry[]; editsPerDay: EditsPerDay[] }>(
      path`/api/documents/${documentId}/activity`,
    ),
  allActivity: (before?: number) =>
    json<{ entries: AuditEntry[] }>(before ? `/api/activity?before=${before}` : '/api/activity'),
}

/** Public consultations: opening one, moderating its comments, erasing a person's data. */
export const consultationsApi = {
  list: (documentId: string) =>
    json<{ consultations: Consultation[] }>(path`/api/documents/${documentId}/consultations`),
  create: (documentId: string, body: CreateConsultationBody) =>
    request<{ consultation: Consultation }>(
      'POST',
      path`/api/documents/${documentId}/consultations`,
      body,
    ),
  comments: (consultationId: string, status: PublicCommentStatus) =>
    json<{ comments: PublicComment[] }>(
      `${path`/api/consultations/${consultationId}/comments`}?status=${status}`,
    ),
  moderate: (consultationId: string, commentId: string, body: ModeratePublicCommentRequest) =>
    request<{ comment: PublicComment }>(
      'PATCH',
      path`/api/consultations/${consultationId}/comments/${commentId}`,
      body,
    ),
  erase: (email: string) =>
    request<{ comments: number }>('POST', '/api/consultations/erasures', { email }),
  /** Where one consultation's compilation of comments downloads. */
  compilationUrl: (documentId: string, consultationId: string, format: 'csv' | 'xlsx' | 'docx') =>
    `${path`/api/documents/${documentId}/disposition`}?format=${format}&consultation=${encodeURIComponent(consultationId)}`,
}
