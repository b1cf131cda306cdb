import {
  type CommentMessage,
  type CommentThread,
  type CommentType,
  type Decision,
  importedAuthorId,
  type ThreadStatus,
} from '@accord/protocol'
import { colorFor } from './colorFor.js'
import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

interface ThreadRow {
  id: string
  document_id: string
  status: ThreadStatus
  quote: string
  anchor_start: string
  anchor_end: string
  clause_id: string | null
  created_by: string
  created_at: string
  resolved_by: string | null
  resolved_at: string | null
  comment_type: CommentType
  proposed_change: string | null
  submitted_name: string | null
  submitted_organization: string | null
  decision: Decision | null
  decision_reason: string | null
  decided_by: string | null
  decided_by_name: string | null
  decided_at: string | null
}

interface MessageRow {
  id: string
  thread_id: string
  author_id: string
  author_name: string
  imported_author: string | null
  body: string
  created_at: string
  edited_at: string | null
}

const toMessage = (r: MessageRow): CommentMessage =>
  r.imported_author === null
    ? {
        id: r.id,
        author: { id: r.author_id, name: r.author_name, color: colorFor(r.author_id) },
        body: r.body,
        createdAt: r.created_at,
        editedAt: r.edited_at,
      }
    : {
        // Written by someone without an account here: no account's id, so no one edits it as theirs.
        id: r.id,
        author: {
          id: importedAuthorId(r.imported_author),
          name: r.imported_author,
          color: colorFor(r.imported_author),
        },
        body: r.body,
        createdAt: r.created_at,
        editedAt: r.edited_at,
        imported: true,
      }

const toThread = (r: ThreadRow, messages: CommentMessage[]): CommentThread => ({
  id: r.id,
  documentId: r.document_id,
  status: r.status,
  quote: r.quote,
  anchor: { start: r.anchor_start, end: r.anchor_end },
  clauseId: r.clause_id,
  type: r.comment_type,
  proposedChange: r.proposed_change,
  disposition: r.decision
    ? {
        decision: r.decision,
        reason: r.decision_reason ?? '',
        decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
        decidedAt: r.decided_at ?? '',
      }
    : null,
  submittedBy:
    r.submitted_name !== null
      ? { name: r.submitted_name, organization: r.submitted_organization }
      : null,
  createdBy: r.created_by,
  createdAt: r.created_at,
  resolvedBy: r.resolved_by,
  resolvedAt: r.resolved_at,
  messages,
})

/** A thread with the name of whoever decided on it. */
const THREADS_SQL = `SELECT t.*, d.name AS decided_by_name FROM comment_threads t LEFT JOIN users d ON d.id = t.decided_by`
const MESSAGES_SQL = `SELECT m.*, u.name AS author_name FROM comment_messages m JOIN users u ON u.id = m.author_id`

/** Comment threads and their messages, per document. */
export class CommentStore {
  constructor(private readonly db: Database) {}

  async list(documentId: string): Promise<CommentThread[]> {
    const threads = await this.db.all<ThreadRow>(
      `${THREADS_SQL} WHERE t.document_id = ? ORDER BY t.created_at`,
      [documentId],
    )
    const messages = await this.db.all<MessageRow>(
      `${MESSAGES_SQL} JOIN comment_threads t ON t.id = m.thread_id WHERE t.document_id = ? ORDER BY m.created_at`,
      [documentId],
    )
    const byThread = new Map<string, CommentMessage[]>()
    for (const m of messages) {
      const list = byThread.get(m.thread_id) ?? []
      list.push(toMessage(m))
      byThread.set(m.thread_id, list)
    }
    return threads.map((t) => toThread(t, byThread.get(t.id) ?? []))
  }

  /** Every thread's anchor in a document, for the server to follow re-created words. */
  async anchors(
    documentId: string,
  ): Promise<{ id: string; anchor: { start: string; end: string } }[]> {
    const rows = await this.db.all<{ id: string; anchor_start: string; anchor_end: string }>(
      'SELECT id, anchor_start, anchor_end FROM comment_threads WHERE document_id = ?',
      [documentId],
    )
    return rows.map((r) => ({ id: r.id, anchor: { start: r.anchor_start, end: r.anchor_end } }))
  }

  /** Moves a thread onto its words' new place (they were re-created); its quote stays. */
  async setAnchor(
    documentId: string,
    threadId: string,
    anchor: { start: string; end: string },
    clauseId: string | null,
  ): Promise<void> {
    await this.db.run(
      'UPDATE comment_threads SET anchor_start = ?, anchor_end = ?, clause_id = ? WHERE id = ? AND document_id = ?',
      [anchor.start, anchor.end, clauseId, threadId, documentId],
    )
  }

  /** A thread of this document, or undefined (also for a thread of another document). */
  async get(documentId: string, threadId: string): Promise<CommentThread | undefined> {
    const row = await this.db.get<ThreadRow>(
      `${THREADS_SQL} WHERE t.id = ? AND t.document_id = ?`,
      [threadId, documentId],
    )
    if (!row) return undefined
    const messages = await this.db.all<MessageRow>(
      `${MESSAGES_SQL} WHERE m.thread_id = ? ORDER BY m.created_at`,
      [threadId],
    )
    return toThread(row, messages.map(toMessage))
  }

  async create(input: {
    documentId: string
    userId: string
    body: string
    quote: string
    anchor: { start: string; end: string }
    clauseId: string | null
    type: CommentType
    proposedChange: string | null
    /** For a row of an offline template: who sent it. */
    submittedBy?: { name: string; organization: string | null }
  }): Promise<CommentThread> {
    const id = newId()
    const now = nowIso()
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO comment_threads (id, document_id, quote, anchor_start, anchor_end, clause_id,
           created_by, created_at, comment_type, proposed_change, submitted_name, submitted_organization)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          input.documentId,
          input.quote,
          input.anchor.start,
          input.anchor.end,
          input.clauseId,
          input.userId,
          now,
          input.type,
          input.proposedChange,
          input.submittedBy?.name ?? null,
          input.submittedBy?.organization ?? null,
        ],
      )
      await tx.run(
        'INSERT INTO comment_messages (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
        [newId(), id, input.userId, input.body, now],
      )
    })
    return (await this.get(input.documentId, id)) as CommentThread
  }

  /**
   * The comment threads of an imported file, in one transaction: each message keeps the name
   * and date the file gives; `userId` (the person importing) is recorded as the thread's creator.
   */
  async createImported(
    documentId: string,
    userId: string,
    threads: readonly {
      quote: string
      anchor: { start: string; end: string }
      clauseId: string | null
      messages: readonly { author: string; body: string; createdAt: string }[]
    }[],
  ): Promise<void> {
    await this.db.transaction(async (tx) => {
      for (const thread of threads) {
        const id = newId()
        await tx.run(
          `INSERT INTO comment_threads (id, document_id, quote, anchor_start, anchor_end, clause_id, created_by, created_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
          [
            id,
            documentId,
            thread.quote,
            thread.anchor.start,
            thread.anchor.end,
            thread.clauseId,
            userId,
            thread.messages[0]?.createdAt ?? nowIso(),
          ],
        )
        for (const message of thread.messages) {
          await tx.run(
            'INSERT INTO comment_messages (id, thread_id, author_id, imported_author, body, created_at) VALUES (?, ?, ?, ?, ?, ?)',
            [newId(), id, userId, message.author, message.body, message.createdAt],
          )
        }
      }
    })
  }

  async reply(threadId: string, userId: string, body: string): Promise<void> {
    await this.db.run(
      'INSERT INTO comment_messages (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
      [newId(), threadId, userId, body, nowIso()],
    )
  }

  async setStatus(threadId: string, status: ThreadStatus, userId: string): Promise<void> {
    const resolved = status === 'resolved'
    await this.db.run(
      'UPDATE comment_threads SET status = ?, resolved_by = ?, resolved_at = ? WHERE id = ?',
      [status, resolved ? userId : null, resolved ? nowIso() : null, threadId],
    )
  }

  /** Changes a thread's type and proposed change (what is given). */
  async setTyping(
    threadId: string,
    patch: { type?: CommentType; proposedChange?: string | null },
  ): Promise<void> {
    if (patch.type !== undefined)
      await this.db.run('UPDATE comment_threads SET comment_type = ? WHERE id = ?', [
        patch.type,
        threadId,
      ])
    if (patch.proposedChange !== undefined)
      await this.db.run('UPDATE comment_threads SET proposed_change = ? WHERE id = ?', [
        patch.proposedChange,
        threadId,
      ])
  }

  /** Records a decision on a thread, or withdraws it (null). */
  async setDisposition(
    threadId: string,
    disposition: { decision: Decision; reason: string } | null,
    userId: string,
  ): Promise<void> {
    await this.db.run(
      'UPDATE comment_threads SET decision = ?, decision_reason = ?, decided_by = ?, decided_at = ? WHERE id = ?',
      disposition
        ? [disposition.decision, disposition.reason, userId, nowIso(), threadId]
        : [null, null, null, null, threadId],
    )
  }

  async editMessage(messageId: string, body: string): Promise<void> {
    await this.db.run('UPDATE comment_messages SET body = ?, edited_at = ? WHERE id = ?', [
      body,
      nowIso(),
      messageId,
    ])
  }

  /** Deletes a message; a thread left with no messages goes too. True when the thread is gone. */
  async deleteMessage(threadId: string, messageId: string): Promise<boolean> {
    return this.db.transaction(async (tx) => {
      await tx.run('DELETE FROM comment_messages WHERE id = ? AND thread_id = ?', [
        messageId,
        threadId,
      ])
      const left = await tx.get<{ n: number }>(
        'SELECT count(*) AS n FROM comment_messages WHERE thread_id = ?',
        [threadId],
      )
      if ((left?.n ?? 0) > 0) return false
      await tx.run('DELETE FROM comment_threads WHERE id = ?', [threadId])
      return true
    })
  }
}
