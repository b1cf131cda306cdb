import type { AuditAction, AuditEntry } from '@accord/protocol'
import type { Database } from './Database.js'
import { nowIso } from './ids.js'

/** Who did what, when: the transparency the working group's own principles ask for. */
export class AuditLog {
  private readonly listeners: ((entry: ActivityRecord) => void)[] = []

  constructor(private readonly db: Database) {}

  /** Told of each entry once it is stored (notifications are decided from these). */
  onRecorded(listener: (entry: ActivityRecord) => void): void {
    this.listeners.push(listener)
  }

  async record(entry: ActivityRecord): Promise<void> {
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
    for (const listener of this.listeners) listener(entry)
  }

  /** Newest first; `before` (an entry id) pages back. */
  async list(filter: {
    documentId?: string
    before?: number
    limit: number
  }): Promise<AuditEntry[]> {
    const where: string[] = []
    const params: (string | number)[] = []
    if (filter.documentId) {
      where.push('a.document_id = ?')
      params.push(filter.documentId)
    }
    if (filter.before) {
      where.push('a.id < ?')
      params.push(filter.before)
    }
    const rows = await this.db.all<AuditRow>(
      `SELECT a.id, a.at, a.user_id, u.name AS user_name, a.action, a.document_id, d.title AS document_title, a.details
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id LEFT JOIN documents d ON d.id = a.document_id
       ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY a.id DESC LIMIT ?`,
      [...params, filter.limit],
    )
    return rows.map(toEntry)
  }

  /** Counted text changes per day and person, for the activity chart (UTC days). */
  async editsPerDay(
    documentId: string,
  ): Promise<{ day: string; userId: string; name: string; changes: number }[]> {
    // The one place the engines' SQL differs: reading a number out of the JSON details.
    const changes =
      this.db.engine === 'postgres'
        ? `(a.details::jsonb ->> 'changes')::bigint`
        : `json_extract(a.details, '$.changes')`
    return this.db.all(
      `SELECT substr(a.at, 1, 10) AS day, a.user_id AS "userId", coalesce(u.name, '') AS name,
              sum(coalesce(${changes}, 0)) AS changes
       FROM audit_log a LEFT JOIN users u ON u.id = a.user_id
       WHERE a.document_id = ? AND a.action = 'document.edited'
       GROUP BY substr(a.at, 1, 10), a.user_id, u.name ORDER BY day`,
      [documentId],
    )
  }
}

/** One entry as it is recorded. */
export interface ActivityRecord {
  userId: string | null
  action: AuditAction
  documentId?: string
  details?: Record<string, unknown>
}

interface AuditRow {
  id: number
  at: string
  user_id: string | null
  user_name: string | null
  action: string
  document_id: string | null
  document_title: string | null
  details: string | null
}

const toEntry = (r: AuditRow): AuditEntry => ({
  id: r.id,
  at: r.at,
  user: r.user_id ? { id: r.user_id, name: r.user_name ?? '' } : null,
  action: r.action,
  document: r.document_id ? { id: r.document_id, title: r.document_title ?? '' } : null,
  details: r.details ? (JSON.parse(r.details) as Record<string, unknown>) : null,
})
