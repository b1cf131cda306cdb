import { ErrorCode } from '@accord/protocol'
import type { Response } from 'express'
import { ExportFailed } from '../../../export/ExportPool.js'
import { ExportQueueClosed, ExportsBusy } from '../../../export/ExportQueue.js'
import { HttpError } from '../../HttpError.js'

/** A retry is worth it after this long when the server is stopping or an export ran long. */
const RETRY_AFTER_SECONDS = 30

const withRetryAfter = (res: Response, seconds: number, error: HttpError): HttpError => {
  res.setHeader('Retry-After', String(seconds))
  return error
}

/**
 * The HTTP answer to an export that was refused or failed: 429 `too_many_requests` when its
 * account or the server has as many exports under way as allowed, 503 `export_failed` when it
 * ran too long or the server is stopping (both with Retry-After), 500 `export_failed` when
 * its worker died. Any other error is passed on as it is.
 */
export const exportError = (res: Response, err: unknown): unknown => {
  if (err instanceof ExportsBusy) {
    return withRetryAfter(
      res,
      err.retryAfterSeconds,
      new HttpError(429, ErrorCode.tooManyRequests, err.message, { scope: err.scope }),
    )
  }
  if (
    err instanceof ExportQueueClosed ||
    (err instanceof ExportFailed && err.reason === 'closed')
  ) {
    return withRetryAfter(
      res,
      RETRY_AFTER_SECONDS,
      new HttpError(503, ErrorCode.exportFailed, 'The server is stopping; try again shortly'),
    )
  }
  if (err instanceof ExportFailed && err.reason === 'timeout') {
    return withRetryAfter(
      res,
      RETRY_AFTER_SECONDS,
      new HttpError(503, ErrorCode.exportFailed, err.message),
    )
  }
  if (err instanceof ExportFailed) return new HttpError(500, ErrorCode.exportFailed, err.message)
  return err
}
