import { type ErrorBody, ErrorCode } from '@accord/protocol'
import type { ErrorRequestHandler, RequestHandler } from 'express'
import { DomainError, type DomainErrorKind } from '../../errors/DomainError.js'
import type { Logger } from '../../logger.js'
import { storageUnavailable } from '../../store/storageUnavailable.js'
import { HttpError } from '../HttpError.js'

const send = (res: Parameters<RequestHandler>[1], status: number, error: ErrorBody['error']) =>
  res.status(status).json({ error } satisfies ErrorBody)

/** The HTTP status of each kind of domain refusal. */
export const STATUS: Record<DomainErrorKind, number> = {
  invalid: 400,
  unauthenticated: 401,
  forbidden: 403,
  notFound: 404,
  conflict: 409,
  tooLarge: 413,
  tooMany: 429,
  failed: 500,
  unavailable: 503,
}

/** Unknown API paths answer in the same JSON error shape as everything else. */
export const apiNotFound: RequestHandler = (_req, res) =>
  send(res, 404, { code: ErrorCode.notFound, message: 'No such endpoint' })

/** Turns every thrown error into `{error: {code, message}}` with a fitting status; never leaks internals. */
export const errorHandler =
  (logger: Logger): ErrorRequestHandler =>
  (err, req, res, _next) => {
    if (err instanceof DomainError) {
      if (err.retryAfterSeconds !== undefined) {
        res.setHeader('Retry-After', String(err.retryAfterSeconds))
      }
      return send(res, STATUS[err.kind], {
        code: err.code,
        message: err.message,
        details: err.details,
      })
    }
    if (err instanceof HttpError) {
      return send(res, err.status, { code: err.code, message: err.message, details: err.details })
    }
    // body-parser's errors carry a `type` and a `status`.
    const type = (err as { type?: string }).type
    if (type === 'entity.parse.failed') {
      return send(res, 400, { code: ErrorCode.invalidJson, message: 'The body is not valid JSON' })
    }
    if (type === 'entity.too.large') {
      return send(res, 413, { code: ErrorCode.tooLarge, message: 'The body is too large' })
    }
    if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      return send(res, 415, { code: ErrorCode.unsupportedMediaType, message: 'Send UTF-8 JSON' })
    }
    if (storageUnavailable(err)) {
      logger.warn({ err: (err as Error).message, path: req.path }, 'database unavailable')
      res.setHeader('Retry-After', '5')
      return send(res, 503, {
        code: ErrorCode.unavailable,
        message: 'The database cannot be reached right now; try again in a moment',
      })
    }
    logger.error({ err, method: req.method, path: req.path }, 'request failed')
    return send(res, 500, {
      code: ErrorCode.internal,
      message: 'Something went wrong on the server',
    })
  }
