import type { Notification, NotificationType } from '@accord/protocol'
import type { Sql } from '../mail/MailOutbox.js'
import type { Database } from '../store/Database.js'
import { newId, nowIso } from '../store/ids.js'

/**
 * What became of a notification's mail: none; queued in the outbox; waiting for the daily
 * digest; waiting for the next batch mail (more came at once than MAIL_IMMEDIATE_PER_HOUR).
 */
export type MailState = 'none' | 'queued' | 'daily' | 'batch'

export interface NewNotification {
  userId: string
  type: NotificationType
  documentId: string | null
  threadId: string | null
  target: Notification['target']
  actorId: string | null
}

interface NotificationRow {
  id: string
  type: NotificationType
  document_id: string | null
  document_title: string | null
  thread_id: string | null
  target: string | null
  actor_id: string | null
  actor_name: string | null
  created_at: string
  read_at: string | null
}

const SELECT = `SELECT n.id, n.type, n.document_id, d.title AS document_title, n.thread_id, n.target,
    n.actor_id, u.name AS actor_name, n.created_at, n.read_at
  FROM notifications n LEFT JOIN documents d ON d.id = n.document_id LEFT JOIN users u ON u.id = n.actor_id`

const toNotification = (r: NotificationRow): Notification => ({
  id: r.id,
  type: r.type,
  documentId: r.document_id,
  documentTitle: r.document_title,
  threadId: r.thread_id,
  target: r.target ? (JSON.parse(r.target) as Notification['target']) : null,
  actor: r.actor_id ? { id: r.actor_id, name: r.actor_name ?? '' } : null,
  createdAt: r.created_at,
  readAt: r.read_at,
})

/** Each person's inbox. */
export class NotificationStore {
  constructor(private readonly db: Database) {}

  async insert(sql: Sql, n: NewNotification, mail: MailState, createdAt: string): Promise<string> {
    const id = newId()
    await sql.run(
      `INSERT INTO notifications (id, user_id, type, document_id, thread_id, target, actor_id, created_at, mail)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        n.userId,
        n.type,
        n.documentId,
        n.threadId,
        n.target ? JSON.stringify(n.target) : null,
        n.actorId,
        createdAt,
        mail,
      ],
    )
    return id
  }

  /** Newest first. */
  async list(userId: string, limit: number): Promise<Notification[]> {
    const rows = await this.db.all<NotificationRow>(
      `${SELECT} WHERE n.user_id = ? ORDER BY n.created_at DESC, n.id LIMIT ?`,
      [userId, limit],
    )
    return rows.map(toNotification)
  }

  async unread(userId: string): Promise<number> {
    const row = await this.db.get<{ n: number }>(
      'SELECT count(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL',
      [userId],
    )
    return Number(row?.n ?? 0)
  }

  /** Marks the person's own items read (others' ids are ignored). */
  async markRead(userId: string, which: { ids?: string[]; all?: true }): Promise<void> {
    if (which.all) {
      await this.db.run(
        'UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL',
        [nowIso(), userId],
      )
      return
    }
    const ids = which.ids ?? []
    if (ids.length === 0) return
    await this.db.run(
      `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
       AND id IN (${ids.map(() => '?').join(', ')})`,
      [nowIso(), userId, ...ids],
    )
  }

  /** Mails queued for the person since `sinceIso` (for the immediate-mail allowance). */
  async queuedSince(sql: Sql, userId: string, sinceIso: string): Promise<number> {
    const row = await sql.get<{ n: number }>(
      `SELECT count(*) AS n FROM notifications WHERE user_id = ? AND mail = 'queued' AND created_at >= ?`,
      [userId, sinceIso],
    )
    return Number(row?.n ?? 0)
  }

  /**
   * Takes the person's items waiting for a digest or batch mail, oldest first, marking them
   * queued; whoever takes them (one instance, inside its transaction) mails them.
   */
  async takeWaiting(sql: Sql, userId: string, state: 'daily' | 'batch'): Promise<Notification[]> {
    const taken = await sql.all<{ id: string }>(
      `UPDATE notifications SET mail = 'queued' WHERE user_id = ? AND mail = ? RETURNING id`,
      [userId, state],
    )
    if (taken.length === 0) return []
    const rows: NotificationRow[] = []
    // In slices: SQLite allows a limited number of parameters per statement.
    for (let i = 0; i < taken.length; i += 500) {
      const ids = taken.slice(i, i + 500).map((t) => t.id)
      rows.push(
        ...(await sql.all<NotificationRow>(
          `${SELECT} WHERE n.id IN (${ids.map(() => '?').join(', ')})`,
          ids,
        )),
      )
    }
    return rows.map(toNotification).sort((a, b) => a.createdAt.localeCompare(b.createdAt))
  }

  /** The people with items waiting for a mail of this kind. */
  async waitingUsers(state: 'daily' | 'batch'): Promise<string[]> {
    const rows = await this.db.all<{ user_id: string }>(
      'SELECT DISTINCT user_id FROM notifications WHERE mail = ?',
      [state],
    )
    return rows.map((r) => r.user_id)
  }
}
