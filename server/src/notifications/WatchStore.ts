import type { Database } from '../store/Database.js'
import { nowIso } from '../store/ids.js'

/**
 * Who watches which document. People start watching by themselves when they create, edit or
 * comment; an explicit unwatch is remembered, so their next edit does not undo it.
 */
export class WatchStore {
  constructor(private readonly db: Database) {}

  /** Starts watching because the person took part, unless they chose to stop. */
  async watchOnTakingPart(userId: string, documentId: string): Promise<void> {
    await this.db.run(
      `INSERT INTO watches (user_id, document_id, watching, created_at) VALUES (?, ?, 1, ?)
       ON CONFLICT (user_id, document_id) DO NOTHING`,
      [userId, documentId, nowIso()],
    )
  }

  /** Watches or stops watching, by the person's own choice. */
  async set(userId: string, documentId: string, watching: boolean): Promise<void> {
    await this.db.run(
      `INSERT INTO watches (user_id, document_id, watching, created_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (user_id, document_id) DO UPDATE SET watching = excluded.watching`,
      [userId, documentId, watching ? 1 : 0, nowIso()],
    )
  }

  async isWatching(userId: string, documentId: string): Promise<boolean> {
    const row = await this.db.get<{ watching: number }>(
      'SELECT watching FROM watches WHERE user_id = ? AND document_id = ?',
      [userId, documentId],
    )
    return Number(row?.watching ?? 0) === 1
  }

  async watchers(documentId: string): Promise<string[]> {
    const rows = await this.db.all<{ user_id: string }>(
      'SELECT user_id FROM watches WHERE document_id = ? AND watching = 1',
      [documentId],
    )
    return rows.map((r) => r.user_id)
  }

  /** Those who chose to stop watching the document. */
  async unwatched(documentId: string): Promise<Set<string>> {
    const rows = await this.db.all<{ user_id: string }>(
      'SELECT user_id FROM watches WHERE document_id = ? AND watching = 0',
      [documentId],
    )
    return new Set(rows.map((r) => r.user_id))
  }
}
