import type { Database } from './Database.js'
import { hashToken, newToken, nowIso } from './ids.js'

/** A live session as storage knows it. */
export interface StoredSession {
  /** The session's key: a SHA-256 of its token, never the token itself. */
  id: string
  userId: string
  /** Milliseconds since the epoch. */
  expiresAt: number
}

/** The id of the session a cookie's token names (whether or not it still exists). */
export const sessionIdOf = (token: string): string => hashToken(token)

/**
 * Sessions live in the database, so a restart signs no one out. Whatever ends sessions
 * returns their ids, so that what is open on them can be closed too (see services/endSessions).
 */
export class SessionStore {
  constructor(
    private readonly db: Database,
    private readonly lifetimeMs: number,
  ) {}

  /** Creates a session and returns its secret token (only its hash is stored). */
  async create(userId: string): Promise<string> {
    const token = newToken()
    await this.db.run(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [sessionIdOf(token), userId, nowIso(), Date.now() + this.lifetimeMs],
    )
    return token
  }

  /** The live session a token names, or undefined. */
  async find(token: string): Promise<StoredSession | undefined> {
    const id = sessionIdOf(token)
    const row = await this.db.get<{ user_id: string; expires_at: number }>(
      'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?',
      [id],
    )
    if (!row || row.expires_at < Date.now()) return undefined
    return { id, userId: row.user_id, expiresAt: row.expires_at }
  }

  /** Ends one session; returns its id when it was still there. */
  async delete(token: string): Promise<string[]> {
    const id = sessionIdOf(token)
    const { changes } = await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [id])
    return changes > 0 ? [id] : []
  }

  /**
   * Ends every session of a user, optionally keeping one (the one that changed the
   * password); returns the ids of those ended.
   */
  async deleteForUser(userId: string, keepToken?: string): Promise<string[]> {
    const rows = await this.db.transaction((tx) =>
      tx.all<{ token_hash: string }>(
        'DELETE FROM sessions WHERE user_id = ? AND token_hash != ? RETURNING token_hash',
        [userId, keepToken ? sessionIdOf(keepToken) : ''],
      ),
    )
    return rows.map((row) => row.token_hash)
  }

  async deleteExpired(): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE expires_at < ?', [Date.now()])
  }
}
