import { ErrorCode } from '@accord/protocol'

/**
 * What kind of refusal an error is; the HTTP edge turns each into its status (404, 403, 409,
 * 400, 401, 429, 503, 500), so the layers below never speak HTTP.
 */
export type DomainErrorKind =
  | 'notFound'
  | 'forbidden'
  | 'conflict'
  | 'invalid'
  | 'unauthenticated'
  | 'tooMany'
  | 'unavailable'
  | 'failed'

/** A refusal of the application's own, with a stable code the client translates. */
export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** For `tooMany` and `unavailable`: when trying again is worth it. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message)
  }
}

export const notFound = (what = 'Not found'): DomainError =>
  new DomainError('notFound', ErrorCode.notFound, what)

export const forbidden = (what = 'You may not do this'): DomainError =>
  new DomainError('forbidden', ErrorCode.forbidden, what)

/** The thing changed meanwhile, or the request clashes with what is there. */
export const conflict = (
  message: string,
  code: ErrorCode = ErrorCode.conflict,
  details?: unknown,
): DomainError => new DomainError('conflict', code, message, details)

/** A final document keeps its text and title until it is reopened. */
export const documentFinal = (
  message = 'A final document cannot be changed; reopen it first',
): DomainError => conflict(message, ErrorCode.documentFinal)

/** Well-formed but unacceptable input (a weak password, an anchor into another document). */
export const invalid = (
  message: string,
  code: ErrorCode = ErrorCode.validation,
  details?: unknown,
): DomainError => new DomainError('invalid', code, message, details)

export const tooMany = (
  message: string,
  retryAfterSeconds: number,
  details?: unknown,
): DomainError =>
  new DomainError('tooMany', ErrorCode.tooManyRequests, message, details, retryAfterSeconds)
