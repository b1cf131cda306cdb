import type { Database } from './Database.js'

export interface WaitingThreadRow {
  thread_id: string
  document_id: string
  document_title: string
  quote: string
  last_author_id: string
  last_author_name: string
  last_at: string
}

/**
 * Open comment threads whose last message is someone else's and that the person started,
 * replied to, or was mentioned in (mentions live in the audit entries of comments).
 */
export class WaitingThreads {
  constructor(private readonly db: Database) {}

  /** The threads in which a comment or reply mentioned the person. */
  async mentioning(userId: string): Promise<Set<string>> {
    // Only entries naming the person are read and parsed (LIKE's `_` may match more; the
    // parse below decides).
    const rows = await this.db.all<{ details: string }>(
      `SELECT details FROM audit_log
       WHERE action IN ('comment.created', 'comment.replied')
         AND details LIKE '%"mentions"%' AND details LIKE ?`,
      [`%"${userId}"%`],
    )
    const threads = new Set<string>()
    for (const { details } of rows) {
      const { threadId, mentions } = JSON.parse(details) as {
        threadId?: string
        mentions?: string[]
      }
      if (threadId && mentions?.includes(userId)) threads.add(threadId)
    }
    return threads
  }

  async waitingFor(userId: string, mentionedIn: ReadonlySet<string>): Promise<WaitingThreadRow[]> {
    const ids = [...mentionedIn]
    const mentioned = ids.length > 0 ? ` OR t.id IN (${ids.map(() => '?').join(', ')})` : ''
    return this.db.all<WaitingThreadRow>(
      `SELECT t.id AS thread_id, t.document_id, d.title AS document_title, t.quote,
              m.author_id AS last_author_id, u.name AS last_author_name, m.created_at AS last_at
       FROM comment_threads t
       JOIN documents d ON d.id = t.document_id
       JOIN comment_messages m ON m.id = (
         SELECT id FROM comment_messages WHERE thread_id = t.id ORDER BY created_at DESC, id DESC LIMIT 1)
       JOIN users u ON u.id = m.author_id
       WHERE t.status = 'open' AND m.author_id <> ?
         AND (t.created_by = ?
              OR EXISTS (SELECT 1 FROM comment_messages o WHERE o.thread_id = t.id AND o.author_id = ?)${mentioned})
       ORDER BY m.created_at DESC`,
      [userId, userId, userId, ...ids],
    )
  }
}
