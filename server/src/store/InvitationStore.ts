import type { Database } from './Database.js'
import { hashToken, newToken, nowIso } from './ids.js'

const LIFETIME_MS = 7 * 24 * 60 * 60 * 1000

/**
 * One-time links that let a person set their own password. A new link replaces older ones;
 * a new password (set any way) or a deactivation withdraws them (`deleteForUser`).
 */
export class InvitationStore {
  constructor(private readonly db: Database) {}

  async create(userId: string): Promise<string> {
    const token = newToken()
    await this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM invitations WHERE user_id = ?', [userId])
      await tx.run(
        'INSERT INTO invitations (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)',
        [hashToken(token), userId, nowIso(), Date.now() + LIFETIME_MS],
      )
    })
    return token
  }

  async userIdFor(token: string): Promise<string | undefined> {
    const row = await this.db.get<{ user_id: string; expires_at: number }>(
      'SELECT user_id, expires_at FROM invitations WHERE token_hash = ?',
      [hashToken(token)],
    )
    return row && row.expires_at >= Date.now() ? row.user_id : undefined
  }

  /** Uses the link up; true when it was still there (so two tabs cannot both use it). */
  async consume(token: string): Promise<boolean> {
    const result = await this.db.run(
      'DELETE FROM invitations WHERE token_hash = ? AND expires_at >= ?',
      [hashToken(token), Date.now()],
    )
    return result.changes === 1
  }

  /** Withdraws every outstanding link of a user. */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.run('DELETE FROM invitations WHERE user_id = ?', [userId])
  }
}
