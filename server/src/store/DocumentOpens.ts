import type { Database } from './Database.js'
import { nowIso } from './ids.js'

/** A document in review, with when it went into review. */
export interface UnseenRow {
  id: string
  title: string
  status_changed_at: string
}

/** When each person last opened each document (one row per person and document). */
export class DocumentOpens {
  constructor(private readonly db: Database) {}

  async record(userId: string, documentId: string): Promise<void> {
    await this.db.run(
      `INSERT INTO document_opens (user_id, document_id, opened_at) VALUES (?, ?, ?)
       ON CONFLICT (user_id, document_id) DO UPDATE SET opened_at = excluded.opened_at`,
      [userId, documentId, nowIso()],
    )
  }

  /** Documents in review the person has not opened since they went into review, newest first. */
  async unseenInReview(userId: string): Promise<UnseenRow[]> {
    return this.db.all<UnseenRow>(
      `SELECT d.id, d.title, d.status_changed_at FROM documents d
       LEFT JOIN document_opens o ON o.document_id = d.id AND o.user_id = ?
       WHERE d.status = 'review' AND (o.opened_at IS NULL OR o.opened_at < d.status_changed_at)
       ORDER BY d.status_changed_at DESC`,
      [userId],
    )
  }
}
