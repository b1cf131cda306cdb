import type { Database } from './Database.js'
import { hashToken, newToken, nowIso } from './ids.js'

/** A reset link works for one hour. */
export const RESET_LIFETIME_MS = 60 * 60 * 1000

/**
 * One-time links, sent by mail, with which a person who forgot their password sets a new
 * one. Stored hashed; a new password (set any way) or a deactivation withdraws them.
 */
export class PasswordResetStore {
  constructor(private readonly db: Database) {}

  /** A new link; older ones of the same person stay valid until used, expired or withdrawn. */
  async create(userId: string, now = Date.now()): Promise<string> {
    const token = newToken()
    await this.db.run(
      'INSERT INTO password_resets (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
      [hashToken(token), userId, nowIso(), now + RESET_LIFETIME_MS],
    )
    return token
  }

  async userIdFor(token: string): Promise<string | undefined> {
    const row = await this.db.get<{ user_id: string; expires_at: number }>(
      'SELECT user_id, expires_at FROM password_resets WHERE token_hash = ?',
      [hashToken(token)],
    )
    return row && Number(row.expires_at) >= Date.now() ? row.user_id : undefined
  }

  /** Uses the link up; true when it was still there (so it works once). */
  async consume(token: string): Promise<boolean> {
    const result = await this.db.run(
      'DELETE FROM password_resets WHERE token_hash = ? AND expires_at >= ?',
      [hashToken(token), Date.now()],
    )
    return result.changes === 1
  }

  async deleteForUser(userId: string): Promise<void> {
    await this.db.run('DELETE FROM password_resets WHERE user_id = ?', [userId])
  }
}
