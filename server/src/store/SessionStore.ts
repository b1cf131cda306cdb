import type { Database } from './Database.js'
import { hashToken, newToken, nowIso } from './ids.js'

/** Sessions live in the database, so a restart signs no one out. */
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
      [hashToken(token), userId, nowIso(), Date.now() + this.lifetimeMs],
    )
    return token
  }

  /** The user id of a live session, or undefined. */
  async userIdFor(token: string): Promise<string | undefined> {
    const row = await this.db.get<{ user_id: string; expires_at: number }>(
      'SELECT user_id, expires_at FROM sessions WHERE token_hash = ?',
      [hashToken(token)],
    )
    if (!row || row.expires_at < Date.now()) return undefined
    return row.user_id
  }

  async delete(token: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE token_hash = ?', [hashToken(token)])
  }

  /** Ends every session of a user, optionally keeping one (the one that changed the password). */
  async deleteForUser(userId: string, keepToken?: string): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE user_id = ? AND token_hash != ?', [
      userId,
      keepToken ? hashToken(keepToken) : '',
    ])
  }

  async deleteExpired(): Promise<void> {
    await this.db.run('DELETE FROM sessions WHERE expires_at < ?', [Date.now()])
  }
}
