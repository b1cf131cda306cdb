import type { Database } from './Database.js'
import { nowIso } from './ids.js'

/** Who did what, when: the transparency the working group's own principles ask for. */
export class AuditLog {
  constructor(private readonly db: Database) {}

  async record(entry: {
    userId: string | null
    action: string
    documentId?: string
    details?: Record<string, unknown>
  }): Promise<void> {
    await this.db.run(
      'INSERT INTO audit_log (at, user_id, action, document_id, details) VALUES (?, ?, ?, ?, ?)',
      [
        nowIso(),
        entry.userId,
        entry.action,
        entry.documentId ?? null,
        entry.details ? JSON.stringify(entry.details) : null,
      ],
    )
  }
}
