import { ErrorCode, type Language } from '@accord/protocol'
import { publicErrorMessage } from '../../../consultations/page/publicErrors.js'
import { DomainError } from '../../../errors/DomainError.js'
import { HttpError } from '../../HttpError.js'
import { STATUS } from '../../middleware/errorHandler.js'

/**
 * A refusal of a public request, said in the person's language: its status, code and
 * message; undefined for an error that is not a refusal (the server's own failure).
 */
export const publicErrorAnswer = (
  err: unknown,
  language: Language,
): { status: number; code: string; message: string; retryAfter?: number } | undefined => {
  let status: number
  let code: string
  let message: string
  let details: unknown
  let retryAfter: number | undefined
  if (err instanceof DomainError) {
    status = STATUS[err.kind]
    ;({ code, message, details } = err)
    retryAfter = err.retryAfterSeconds
  } else if (err instanceof HttpError) {
    ;({ status, code, message, details } = err)
  } else {
    // body-parser's errors carry a `type` and a `status`.
    const { type, status: given } = (err ?? {}) as { type?: unknown; status?: unknown }
    if (type === 'entity.parse.failed') {
      ;[status, code, message] = [400, ErrorCode.invalidJson, 'The body is not valid JSON']
    } else if (type === 'entity.too.large') {
      ;[status, code, message] = [413, ErrorCode.tooLarge, 'The body is too large']
    } else if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
      ;[status, code, message] = [415, ErrorCode.unsupportedMediaType, 'Send UTF-8']
    } else if (typeof type === 'string' && typeof given === 'number' && given < 500) {
      // Any other refusal of the parser (too many form fields…).
      ;[status, code, message] = [400, ErrorCode.badRequest, 'The request was not understood']
    } else {
      return undefined
    }
  }
  if (status >= 500) return undefined
  return {
    status,
    code,
    message: publicErrorMessage(language, code, message, details),
    retryAfter,
  }
}
