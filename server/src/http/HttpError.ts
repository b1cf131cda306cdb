import { ErrorCode } from '@accord/protocol'

/** An error with an HTTP status and a stable code the client translates. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

export const notFound = (what = 'Not found'): HttpError =>
  new HttpError(404, ErrorCode.notFound, what)
export const unauthenticated = (): HttpError =>
  new HttpError(401, ErrorCode.unauthenticated, 'Sign in first')
