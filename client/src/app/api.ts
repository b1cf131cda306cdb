import type {
  AcceptInvitationRequest,
  ChangePasswordRequest,
  CreatedUser,
  CreateUserRequest,
  DocumentInfo,
  ErrorBody,
  LoginRequest,
  SetupRequest,
  UpdateDocumentRequest,
  UpdateProfileRequest,
  UpdateUserRequest,
  User,
} from '@accord/protocol'
import { ErrorCode } from '@accord/protocol'

/** Code of an error the client detects itself: the server could not be reached or answered garbage. */
export const NETWORK_ERROR = 'network_error'

/** A failed API call. `code` is the server's stable error code (or NETWORK_ERROR), used for translation. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
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

const request = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
  const headers: Record<string, string> = { Accept: 'application/json' }
  // The server refuses state-changing requests without a JSON content type (CSRF defence).
  if (body !== undefined) headers['Content-Type'] = 'application/json'
  let response: Response
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: body === undefined ? undefined : JSON.stringify(body),
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
    throw new ApiError(response.status, payload.error.code, payload.error.message)
  }
  throw new ApiError(response.status, NETWORK_ERROR, `HTTP ${response.status}`)
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
  createDocument: (title: string) => request<DocumentInfo>('POST', '/api/documents', { title }),
  document: (id: string) => json<DocumentInfo>(path`/api/documents/${id}`),
  updateDocument: (id: string, body: UpdateDocumentRequest) =>
    request<DocumentInfo>('PATCH', path`/api/documents/${id}`, body),
}
