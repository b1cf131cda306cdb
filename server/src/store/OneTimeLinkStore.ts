import type { Database } from './Database.js'
import { hashToken, newToken, nowIso } from './ids.js'

/** What sets one kind of link apart: its table, how long it works, whether a new one replaces the rest. */
export interface OneTimeLinkKind {
  table: 'invitations' | 'password_resets'
  lifetimeMs: number
  /** An invitation re-sent replaces the old link; reset links asked for twice both work. */
  replacesOlder: boolean
}

/** A week to accept an invitation. */
export const INVITATION_LINKS: OneTimeLinkKind = {
  table: 'invitations',
  lifetimeMs: 7 * 24 * 60 * 60 * 1000,
  replacesOlder: true,
}

/** An hour to use a password-reset link sent by mail. */
export const PASSWORD_RESET_LINKS: OneTimeLinkKind = {
  table: 'password_resets',
  lifetimeMs: 60 * 60 * 1000,
  replacesOlder: false,
}

/**
 * One-time links with which a person sets their own password: invitations and password
 * resets. Stored hashed; a new password (set any way) or a deactivation withdraws them
 * (`deleteForUser`).
 */
export class OneTimeLinkStore {
  constructor(
    private readonly db: Database,
    private readonly kind: OneTimeLinkKind,
  ) {}

  /** A new link for the person; `now` is for tests of expiry. */
  async create(userId: string, now = Date.now()): Promise<string> {
    const { table, lifetimeMs, replacesOlder } = this.kind
    const token = newToken()
    await this.db.transaction(async (tx) => {
      if (replacesOlder) await tx.run(`DELETE FROM ${table} WHERE user_id = ?`, [userId])
      await tx.run(
        `INSERT INTO ${table} (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)`,
        [hashToken(token), userId, nowIso(), now + lifetimeMs],
      )
    })
    return token
  }

  async userIdFor(token: string): Promise<string | undefined> {
    const row = await this.db.get<{ user_id: string; expires_at: number | string }>(
      `SELECT user_id, expires_at FROM ${this.kind.table} WHERE token_hash = ?`,
      [hashToken(token)],
    )
    // PostgreSQL hands a BIGINT back as a string.
    return row && Number(row.expires_at) >= Date.now() ? row.user_id : undefined
  }

  /** Uses the link up; true when it was still there (so two tabs cannot both use it). */
  async consume(token: string): Promise<boolean> {
    const result = await this.db.run(
      `DELETE FROM ${this.kind.table} WHERE token_hash = ? AND expires_at >= ?`,
      [hashToken(token), Date.now()],
    )
    return result.changes === 1
  }

  /** Withdraws every outstanding link of a person. */
  async deleteForUser(userId: string): Promise<void> {
    await this.db.run(`DELETE FROM ${this.kind.table} WHERE user_id = ?`, [userId])
  }
}
