import type { Database, Transaction } from '../store/Database.js'
import { newId, nowIso } from '../store/ids.js'

/** Where statements run: the database itself or a transaction that also writes the notification. */
export type Sql = Pick<Transaction, 'run' | 'get' | 'all'>

/** One mail as it is written to the outbox, ready to send. */
export interface OutgoingMail {
  to: string
  subject: string
  text: string
  html: string
  /** Extra headers (List-Unsubscribe and its kin). */
  headers?: Record<string, string>
}

/** A mail claimed for sending. */
export interface ClaimedMail extends OutgoingMail {
  id: string
  messageId: string
  attempts: number
}

interface OutboxRow {
  id: string
  message_id: string
  recipient: string
  subject: string
  text_body: string
  html_body: string
  headers: string
  attempts: number
}

/**
 * Mail waiting to be sent, in the database: a request writes its mail in the same
 * transaction as what it is about, and the sender (on any instance) claims, sends and marks
 * it. A claim is a lease: a sender that dies mid-send frees its mails when the lease runs out.
 */
export class MailOutbox {
  constructor(
    private readonly db: Database,
    /** The domain of Message-IDs (that of MAIL_FROM). */
    private readonly domain: string,
  ) {}

  /** Writes one mail; its Message-ID is fixed now, so every try sends the same message. */
  async enqueue(sql: Sql, mail: OutgoingMail, now: number): Promise<string> {
    const id = newId()
    await sql.run(
      `INSERT INTO mail_outbox (id, message_id, recipient, subject, text_body, html_body, headers, next_attempt_at, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        `<${id}@${this.domain}>`,
        mail.to,
        mail.subject,
        mail.text,
        mail.html,
        JSON.stringify(mail.headers ?? {}),
        now,
        nowIso(),
      ],
    )
    return id
  }

  /**
   * Takes up to `limit` due mails for `leaseMs`. On PostgreSQL rows another instance is
   * claiming are skipped (`FOR UPDATE SKIP LOCKED`), so two senders never take the same mail.
   */
  async claim(limit: number, leaseMs: number, now: number): Promise<ClaimedMail[]> {
    const lock = this.db.engine === 'postgres' ? 'FOR UPDATE SKIP LOCKED' : ''
    const rows = await this.db.transaction((tx) =>
      tx.all<OutboxRow>(
        `UPDATE mail_outbox SET claimed_until = ?, attempts = attempts + 1
         WHERE id IN (
           SELECT id FROM mail_outbox
           WHERE status = 'pending' AND next_attempt_at <= ? AND claimed_until <= ?
           ORDER BY next_attempt_at LIMIT ? ${lock})
         RETURNING id, message_id, recipient, subject, text_body, html_body, headers, attempts`,
        [now + leaseMs, now, now, limit],
      ),
    )
    return rows.map((r) => ({
      id: r.id,
      messageId: r.message_id,
      to: r.recipient,
      subject: r.subject,
      text: r.text_body,
      html: r.html_body,
      headers: JSON.parse(r.headers) as Record<string, string>,
      attempts: Number(r.attempts),
    }))
  }

  async markSent(id: string): Promise<void> {
    await this.db.run(
      `UPDATE mail_outbox SET status = 'sent', sent_at = ?, claimed_until = 0, last_error = NULL WHERE id = ?`,
      [nowIso(), id],
    )
  }

  /** Tries again at `at`. */
  async retryAt(id: string, at: number, error: string): Promise<void> {
    await this.db.run(
      `UPDATE mail_outbox SET next_attempt_at = ?, claimed_until = 0, last_error = ? WHERE id = ?`,
      [at, error.slice(0, 1000), id],
    )
  }

  /** Given up (the recipient's server refused it, or too many tries): kept with the reason. */
  async markFailed(id: string, error: string): Promise<void> {
    await this.db.run(
      `UPDATE mail_outbox SET status = 'failed', claimed_until = 0, last_error = ? WHERE id = ?`,
      [error.slice(0, 1000), id],
    )
  }

  /** Counts by status (`retrying`: pending after a failed try), for operators and tests. */
  async counts(): Promise<{ pending: number; retrying: number; sent: number; failed: number }> {
    const rows = await this.db.all<{ status: string; retrying: number; n: number }>(
      `SELECT status, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END AS retrying, count(*) AS n
       FROM mail_outbox GROUP BY status, CASE WHEN last_error IS NULL THEN 0 ELSE 1 END`,
    )
    const of = (s: string, retrying?: boolean) =>
      rows
        .filter(
          (r) =>
            r.status === s && (retrying === undefined || Number(r.retrying) === (retrying ? 1 : 0)),
        )
        .reduce((sum, r) => sum + Number(r.n), 0)
    return {
      pending: of('pending'),
      retrying: of('pending', true),
      sent: of('sent'),
      failed: of('failed'),
    }
  }
}
