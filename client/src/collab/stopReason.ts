import { CloseCode } from '@accord/protocol'

/** RFC 6455's close code for a frame over the server's size limit (MAX_MESSAGE_BYTES). */
const MESSAGE_TOO_BIG = 1009

/** Why this tab stopped talking to the server about a document for good. */
export type StopReason = 'unauthorized' | 'forbidden' | 'notFound' | 'rejected'

/**
 * What a /collab close code means here; null when reconnecting later makes sense
 * (network trouble, shutdown, "try again later", a document that failed to load).
 */
export const stopReasonForClose = (code: number): StopReason | null => {
  switch (code) {
    case CloseCode.unauthorized.code:
      return 'unauthorized'
    case CloseCode.forbidden.code:
      return 'forbidden'
    case CloseCode.notFound.code:
      return 'notFound'
    // The server refused what this tab sent; sending it again would be refused again.
    case CloseCode.badMessage.code:
    case CloseCode.tooLarge.code:
    case CloseCode.missingDependencies.code:
    case MESSAGE_TOO_BIG:
      return 'rejected'
    default:
      return null
  }
}

/** The same for an HTTP status, used when the WebSocket upgrade was refused before any close code. */
export const stopReasonForStatus = (status: number): StopReason | null => {
  switch (status) {
    case 401:
      return 'unauthorized'
    case 403:
      return 'forbidden'
    case 404:
      return 'notFound'
    default:
      return null
  }
}
