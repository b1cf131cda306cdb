/**
 * WebSocket close codes for /collab. 4xxx mirrors the HTTP status it stands for,
 * so a client can tell "sign in again" (4401) from "not allowed" (4403).
 */
export const CloseCode = {
  normal: { code: 1000, reason: 'Normal closure' },
  goingAway: { code: 1001, reason: 'Server shutting down' },
  badMessage: { code: 4400, reason: 'Malformed message' },
  unauthorized: { code: 4401, reason: 'Session ended' },
  forbidden: { code: 4403, reason: 'Access revoked' },
  notFound: { code: 4404, reason: 'Unknown document' },
  tooLarge: { code: 4413, reason: 'Message too large' },
  tooMany: { code: 4429, reason: 'Too many messages' },
  unavailable: { code: 4503, reason: 'Document could not be loaded' },
} as const
export type CloseCode = (typeof CloseCode)[keyof typeof CloseCode]
