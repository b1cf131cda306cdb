import type { ReviewRound, RoundSummary } from '@accord/protocol'
import type { Database } from '../store/Database.js'
import { newId } from '../store/ids.js'

interface RoundRow {
  id: string
  document_id: string
  opened_by: string
  opened_by_name: string | null
  opened_at: number
  deadline: number
  instructions: string
  participants: string | null
  after_close: 'draft' | 'review'
  status: 'open' | 'closed'
  reminded: number
  closed_at: number | null
  closed_by: string | null
  closed_by_name: string | null
  summary: string | null
  after_audit_id: number
}

/** A round as stored, with the participants' ids (null: everyone). */
export interface StoredRound {
  id: string
  documentId: string
  openedBy: string
  openedAt: number
  deadline: number
  participantIds: string[] | null
  afterClose: 'draft' | 'review'
  status: 'open' | 'closed'
  reminded: boolean
  /** The round counts activity recorded after this audit entry. */
  afterAuditId: number
  row: RoundRow
}

const SELECT = `SELECT r.*, o.name AS opened_by_name, c.name AS closed_by_name FROM review_rounds r
  LEFT JOIN users o ON o.id = r.opened_by LEFT JOIN users c ON c.id = r.closed_by`

const toStored = (r: RoundRow): StoredRound => ({
  id: r.id,
  documentId: r.document_id,
  openedBy: r.opened_by,
  openedAt: Number(r.opened_at),
  deadline: Number(r.deadline),
  participantIds: r.participants ? (JSON.parse(r.participants) as string[]) : null,
  afterClose: r.after_close,
  status: r.status,
  reminded: Number(r.reminded) === 1,
  afterAuditId: Number(r.after_audit_id),
  row: r,
})

/** The round as the API shows it; `names` gives the participants' names. */
export const publicRound = (s: StoredRound, names: Map<string, string>): ReviewRound => ({
  id: s.id,
  documentId: s.documentId,
  openedBy: { id: s.openedBy, name: s.row.opened_by_name ?? '' },
  openedAt: new Date(s.openedAt).toISOString(),
  deadline: new Date(s.deadline).toISOString(),
  instructions: s.row.instructions,
  participants: s.participantIds?.map((id) => ({ id, name: names.get(id) ?? '' })) ?? null,
  afterClose: s.afterClose,
  status: s.status,
  closedAt: s.row.closed_at === null ? null : new Date(Number(s.row.closed_at)).toISOString(),
  closedBy: s.row.closed_by ? { id: s.row.closed_by, name: s.row.closed_by_name ?? '' } : null,
  summary: s.row.summary ? (JSON.parse(s.row.summary) as RoundSummary) : null,
})

/** Review rounds: at most one open per document; closed ones keep their summary. */
export class ReviewRoundStore {
  constructor(private readonly db: Database) {}

  /** Undefined when the document already has an open round. */
  async open(input: {
    documentId: string
    openedBy: string
    openedAt: number
    deadline: number
    instructions: string
    participantIds: string[] | null
    afterClose: 'draft' | 'review'
  }): Promise<StoredRound | undefined> {
    const id = newId()
    const inserted = await this.db.transaction(async (tx) => {
      const open = await tx.get(
        `SELECT id FROM review_rounds WHERE document_id = ? AND status = 'open'`,
        [input.documentId],
      )
      if (open) return false
      const last = await tx.get<{ id: number | null }>('SELECT max(id) AS id FROM audit_log')
      await tx.run(
        `INSERT INTO review_rounds (id, document_id, opened_by, opened_at, deadline, instructions, participants, after_close, after_audit_id)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        [
          id,
          input.documentId,
          input.openedBy,
          input.openedAt,
          input.deadline,
          input.instructions,
          input.participantIds ? JSON.stringify(input.participantIds) : null,
          input.afterClose,
          Number(last?.id ?? 0),
        ],
      )
      return true
    })
    return inserted ? this.get(id) : undefined
  }

  async get(id: string): Promise<StoredRound | undefined> {
    const row = await this.db.get<RoundRow>(`${SELECT} WHERE r.id = ?`, [id])
    return row && toStored(row)
  }

  /** Newest first. */
  async list(documentId: string): Promise<StoredRound[]> {
    const rows = await this.db.all<RoundRow>(
      `${SELECT} WHERE r.document_id = ? ORDER BY r.opened_at DESC`,
      [documentId],
    )
    return rows.map(toStored)
  }

  /** Open rounds whose deadline has come. */
  async due(now: number): Promise<StoredRound[]> {
    const rows = await this.db.all<RoundRow>(
      `${SELECT} WHERE r.status = 'open' AND r.deadline <= ?`,
      [now],
    )
    return rows.map(toStored)
  }

  /** Open rounds within `beforeMs` of their deadline that have not been reminded of it. */
  async reminderDue(now: number, beforeMs: number): Promise<StoredRound[]> {
    const rows = await this.db.all<RoundRow>(
      `${SELECT} WHERE r.status = 'open' AND r.reminded = 0 AND r.deadline - ? <= ? AND r.deadline > ?`,
      [beforeMs, now, now],
    )
    return rows.map(toStored)
  }

  /** True for the one caller (of all instances) that marked it. */
  async markReminded(id: string): Promise<boolean> {
    const { changes } = await this.db.run(
      'UPDATE review_rounds SET reminded = 1 WHERE id = ? AND reminded = 0',
      [id],
    )
    return changes === 1
  }

  /** Closes an open round; true for the one caller that closed it. */
  async close(id: string, at: number, by: string | null, summary: RoundSummary): Promise<boolean> {
    const { changes } = await this.db.run(
      `UPDATE review_rounds SET status = 'closed', closed_at = ?, closed_by = ?, summary = ?
       WHERE id = ? AND status = 'open'`,
      [at, by, JSON.stringify(summary), id],
    )
    return changes === 1
  }
}
