import type { CommentType, Decision, PublicComment, PublicCommentStatus } from '@accord/protocol'
import type { Database, Params } from './Database.js'
import { newId, nowIso } from './ids.js'

/** `unconfirmed`: waiting for the mailed link; it enters moderation (`pending`) once confirmed. */
export type StoredCommentStatus = 'unconfirmed' | PublicCommentStatus

/**
 * A public comment as the store reads it: what coordinators see, with the stored status. The
 * e-mail address stays in the table; no read returns it.
 */
export interface StoredPublicComment extends Omit<PublicComment, 'clauseNumber' | 'status'> {
  status: StoredCommentStatus
}

interface Row {
  id: string
  consultation_id: string
  clause_id: string
  name: string
  organization: string | null
  publish_name: number | string
  comment_type: CommentType
  body: string
  proposed_change: string | null
  status: StoredCommentStatus
  rejection_reason: string | null
  confirmed_at: string | null
  created_at: string
  moderated_by: string | null
  moderated_by_name: string | null
  moderated_at: string | null
  decision: Decision | null
  decision_reason: string | null
  decided_by: string | null
  decided_by_name: string | null
  decided_at: string | null
}

const toComment = (r: Row): StoredPublicComment => ({
  id: r.id,
  consultationId: r.consultation_id,
  clauseId: r.clause_id,
  name: r.name,
  organization: r.organization,
  publishName: Number(r.publish_name) === 1,
  type: r.comment_type,
  body: r.body,
  proposedChange: r.proposed_change,
  status: r.status,
  rejectionReason: r.rejection_reason,
  confirmedAt: r.confirmed_at,
  createdAt: r.created_at,
  moderatedAt: r.moderated_at,
  moderatedBy: r.moderated_by ? { id: r.moderated_by, name: r.moderated_by_name ?? '' } : null,
  disposition:
    r.decision && r.decided_at
      ? {
          decision: r.decision,
          reason: r.decision_reason ?? '',
          decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
          decidedAt: r.decided_at,
        }
      : null,
})

const SELECT = `SELECT c.id, c.consultation_id, c.clause_id, c.name, c.organization, c.publish_name,
    c.comment_type, c.body, c.proposed_change, c.status, c.rejection_reason, c.confirmed_at,
    c.created_at, c.moderated_by, m.name AS moderated_by_name, c.moderated_at, c.decision,
    c.decision_reason, c.decided_by, d.name AS decided_by_name, c.decided_at
  FROM public_comments c
  LEFT JOIN users m ON m.id = c.moderated_by
  LEFT JOIN users d ON d.id = c.decided_by`

/** The public's comments on consultations: confirmation, moderation, decisions, erasure. */
export class PublicCommentStore {
  constructor(private readonly db: Database) {}

  async create(input: {
    consultationId: string
    clauseId: string
    name: string
    organization: string | null
    email: string
    publishName: boolean
    type: CommentType
    body: string
    proposedChange: string | null
    /** Present when the address must be confirmed first (the hash of the mailed token). */
    confirmTokenHash: string | null
  }): Promise<string> {
    const id = newId()
    await this.db.run(
      `INSERT INTO public_comments (id, consultation_id, clause_id, name, organization, email, publish_name,
         comment_type, body, proposed_change, status, confirm_token_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        id,
        input.consultationId,
        input.clauseId,
        input.name,
        input.organization,
        input.email,
        input.publishName ? 1 : 0,
        input.type,
        input.body,
        input.proposedChange,
        input.confirmTokenHash ? 'unconfirmed' : 'pending',
        input.confirmTokenHash,
        nowIso(),
      ],
    )
    return id
  }

  /** Moves the comment with this token into moderation; undefined for an unknown or used token. */
  async confirm(
    consultationId: string,
    tokenHash: string,
  ): Promise<StoredPublicComment | undefined> {
    const rows = await this.db.transaction((tx) =>
      tx.all<{ id: string }>(
        `UPDATE public_comments SET status = 'pending', confirmed_at = ?, confirm_token_hash = NULL
         WHERE consultation_id = ? AND confirm_token_hash = ? AND status = 'unconfirmed' RETURNING id`,
        [nowIso(), consultationId, tokenHash],
      ),
    )
    const id = rows[0]?.id
    return id === undefined ? undefined : this.get(consultationId, id)
  }

  async get(consultationId: string, id: string): Promise<StoredPublicComment | undefined> {
    const row = await this.db.get<Row>(`${SELECT} WHERE c.consultation_id = ? AND c.id = ?`, [
      consultationId,
      id,
    ])
    return row && toComment(row)
  }

  /** Oldest first; without `status`, every comment that entered moderation. */
  async list(consultationId: string, status?: PublicCommentStatus): Promise<StoredPublicComment[]> {
    const rows = await this.db.all<Row>(
      `${SELECT} WHERE c.consultation_id = ? AND ${status ? 'c.status = ?' : "c.status <> 'unconfirmed'"}
       ORDER BY c.created_at, c.id`,
      status ? [consultationId, status] : [consultationId],
    )
    return rows.map(toComment)
  }

  /** The published comments of every consultation of a document (for the compilation). */
  async publishedOfDocument(documentId: string): Promise<StoredPublicComment[]> {
    const rows = await this.db.all<Row>(
      `${SELECT} JOIN consultations k ON k.id = c.consultation_id
       WHERE k.document_id = ? AND c.status = 'published' ORDER BY c.created_at, c.id`,
      [documentId],
    )
    return rows.map(toComment)
  }

  async counts(consultationId: string): Promise<Record<PublicCommentStatus, number>> {
    const rows = await this.db.all<{ status: StoredCommentStatus; n: number | string }>(
      'SELECT status, count(*) AS n FROM public_comments WHERE consultation_id = ? GROUP BY status',
      [consultationId],
    )
    const of = (s: StoredCommentStatus) => Number(rows.find((r) => r.status === s)?.n ?? 0)
    return { pending: of('pending'), published: of('published'), rejected: of('rejected') }
  }

  /**
   * Moderates one comment if it is still in the state the moderator saw (`from`), in one
   * statement, so two coordinators acting at once cannot leave a half of each: a comment
   * leaving "published" loses its decision with it, and only a published comment keeps one.
   * Returns false when someone else moderated it meanwhile.
   */
  async moderate(
    id: string,
    from: PublicCommentStatus,
    change: {
      status?: { to: PublicCommentStatus; rejectionReason: string | null }
      disposition?: { decision: Decision; reason: string } | null
    },
    userId: string,
  ): Promise<boolean> {
    const now = nowIso()
    const to = change.status?.to ?? from
    const sets: string[] = []
    const params: Params[number][] = []
    if (change.status) {
      sets.push('status = ?', 'rejection_reason = ?', 'moderated_by = ?', 'moderated_at = ?')
      params.push(to, change.status.rejectionReason, userId, now)
    }
    const disposition = to === 'published' ? change.disposition : null
    if (disposition !== undefined) {
      sets.push('decision = ?', 'decision_reason = ?', 'decided_by = ?', 'decided_at = ?')
      params.push(
        ...(disposition
          ? [disposition.decision, disposition.reason, userId, now]
          : [null, null, null, null]),
      )
    }
    if (sets.length === 0) return true
    const { changes } = await this.db.run(
      `UPDATE public_comments SET ${sets.join(', ')} WHERE id = ? AND status = ?`,
      [...params, id, from],
    )
    return changes === 1
  }

  /**
   * After a consultation's retention period: every address goes, and comments never
   * confirmed (they never entered moderation) go whole. Returns how many comments it touched.
   */
  async eraseAddresses(consultationId: string): Promise<number> {
    return this.db.transaction(async (tx) => {
      const dropped = await tx.run(
        `DELETE FROM public_comments WHERE consultation_id = ? AND status = 'unconfirmed'`,
        [consultationId],
      )
      const cleared = await tx.run(
        `UPDATE public_comments SET email = NULL, confirm_token_hash = NULL
         WHERE consultation_id = ? AND email IS NOT NULL`,
        [consultationId],
      )
      return dropped.changes + cleared.changes
    })
  }

  /**
   * One person's data, on their request: name, organization and address are erased from
   * every comment sent from `email` (the comment stays, anonymous, with its decision);
   * unconfirmed ones go whole. Returns the consultations touched, how many comments, and
   * the comments kept (anonymous now) by consultation, for the open moderation pages.
   */
  async eraseByEmail(email: string): Promise<{
    consultationIds: string[]
    comments: number
    kept: Map<string, string[]>
  }> {
    return this.db.transaction(async (tx) => {
      const rows = await tx.all<{ id: string; consultation_id: string; status: string }>(
        'SELECT id, consultation_id, status FROM public_comments WHERE email = ? ORDER BY created_at, id',
        [email],
      )
      const kept = new Map<string, string[]>()
      for (const row of rows) {
        if (row.status === 'unconfirmed') continue
        kept.set(row.consultation_id, [...(kept.get(row.consultation_id) ?? []), row.id])
      }
      const dropped = await tx.run(
        `DELETE FROM public_comments WHERE email = ? AND status = 'unconfirmed'`,
        [email],
      )
      const cleared = await tx.run(
        `UPDATE public_comments SET name = '', organization = NULL, email = NULL, publish_name = 0,
           confirm_token_hash = NULL WHERE email = ?`,
        [email],
      )
      return {
        consultationIds: [...new Set(rows.map((r) => r.consultation_id))],
        comments: dropped.changes + cleared.changes,
        kept,
      }
    })
  }
}
