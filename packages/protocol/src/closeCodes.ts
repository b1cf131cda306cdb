/**
 * WebSocket close codes for /collab. 4xxx mirrors the HTTP status it stands for,
 * so a client can tell "sign in again" (4401) from "not allowed" (4403).
 *
 * The stock y-websocket provider (3.1) never reconnects after a code from 4400 to 4499 and
 * reconnects after every other one. So a 44xx code is only for what reconnecting cannot
 * change (the session ended, the document is gone, the client sent something the server
 * will refuse again); anything a well-behaved client can run into uses a code it retries.
 * Sending too fast is not one of them: the server stops reading that socket instead
 * (back-pressure), so it never has to close it.
 */
export const CloseCode = {
  normal: { code: 1000, reason: 'Normal closure' },
  /** Reconnects: another instance, or this one restarted, serves the document. */
  goingAway: { code: 1001, reason: 'Server shutting down' },
  /** Reconnects (RFC 6455 "Try Again Later"): more arrived than the server can hold for this socket. */
  tryAgainLater: { code: 1013, reason: 'Try again later' },
  badMessage: { code: 4400, reason: 'Malformed message' },
  unauthorized: { code: 4401, reason: 'Session ended' },
  forbidden: { code: 4403, reason: 'Access revoked' },
  notFound: { code: 4404, reason: 'Unknown document' },
  tooLarge: { code: 4413, reason: 'Message too large' },
  /**
   * Updates that depend on changes the server never received, held past their bounds (bytes,
   * structs, time) although the server asked the client for what it lacks: the client does
   * not have it either, or withholds it, and reconnecting would send the same again.
   */
  missingDependencies: { code: 4422, reason: 'Update depends on changes the server lacks' },
  /** Reconnects (the 45xx "try again later" range): the stored document could not be read. */
  unavailable: { code: 4503, reason: 'Document could not be loaded' },
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
