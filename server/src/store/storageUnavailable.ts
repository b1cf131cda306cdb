/** Error codes of a database that is out of reach for now, not of a bad query. */
const UNREACHABLE = new Set([
  // Node's sockets (PostgreSQL over TCP)
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  // PostgreSQL: connection exceptions (08…) and the server shutting down or starting (57P…)
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  // SQLite: another process holds the lock, or the disk is full or read-only
  'SQLITE_BUSY',
  'SQLITE_FULL',
  'SQLITE_READONLY',
])

/**
 * True when `err` says the database cannot be reached or written right now: the request
 * may succeed if tried again, and the answer is 503, not a bug report.
 */
export const storageUnavailable = (err: unknown): boolean => {
  if (!(err instanceof Error)) return false
  const code = (err as { code?: unknown }).code
  if (typeof code === 'string' && UNREACHABLE.has(code)) return true
  // node-postgres reports a lost or timed-out connection by message only.
  return /Connection terminated|timeout exceeded when trying to connect/i.test(err.message)
}
