import { ErrorCode } from '@accord/protocol'
import { DomainError, tooMany } from '../../errors/DomainError.js'
import { ExportFailed } from '../../export/ExportPool.js'
import { ExportQueueClosed, ExportsBusy } from '../../export/ExportQueue.js'

/** A retry is worth it after this long when the server is stopping or an export ran long. */
const RETRY_AFTER_SECONDS = 30

/**
 * An export that was refused or failed, as a domain error: `too_many_requests` when its
 * account or the server has as many exports under way as allowed; `export_failed`,
 * unavailable for a while, when it ran too long or the server is stopping; `export_failed`
 * when its worker died. Any other error is passed on as it is.
 */
export const exportRefusal = (err: unknown): unknown => {
  if (err instanceof ExportsBusy) {
    return tooMany(err.message, err.retryAfterSeconds, { scope: err.scope })
  }
  if (
    err instanceof ExportQueueClosed ||
    (err instanceof ExportFailed && err.reason === 'closed')
  ) {
    return new DomainError(
      'unavailable',
      ErrorCode.exportFailed,
      'The server is stopping; try again shortly',
      undefined,
      RETRY_AFTER_SECONDS,
    )
  }
  if (err instanceof ExportFailed && err.reason === 'timeout') {
    return new DomainError(
      'unavailable',
      ErrorCode.exportFailed,
      err.message,
      undefined,
      RETRY_AFTER_SECONDS,
    )
  }
  if (err instanceof ExportFailed)
    return new DomainError('failed', ErrorCode.exportFailed, err.message)
  return err
}
