import type { Decision, Disposition } from '@accord/protocol'
import type { Database } from './Database.js'
import { nowIso } from './ids.js'

/** What a suggestion was when it was decided on: deciding may take it out of the text. */
export interface DecidedSuggestion {
  kind: string
  deleted: string
  inserted: string
  clauseId: string | null
  authorId: string
  authorName: string
  at: string
}

export interface SuggestionDisposition extends Disposition {
  suggestionId: string
  suggestion: DecidedSuggestion
}

interface Row {
  suggestion_id: string
  decision: Decision
  reason: string
  decided_by: string | null
  decided_by_name: string | null
  decided_at: string
  suggestion: string
}

/** Decisions with reasons on a document's suggestions (the compilation of comments lists them). */
export class SuggestionDispositionStore {
  constructor(private readonly db: Database) {}

  async list(documentId: string): Promise<SuggestionDisposition[]> {
    const rows = await this.db.all<Row>(
      `SELECT s.*, u.name AS decided_by_name FROM suggestion_dispositions s
       LEFT JOIN users u ON u.id = s.decided_by WHERE s.document_id = ? ORDER BY s.decided_at`,
      [documentId],
    )
    return rows.map((r) => ({
      suggestionId: r.suggestion_id,
      decision: r.decision,
      reason: r.reason,
      decidedBy: r.decided_by ? { id: r.decided_by, name: r.decided_by_name ?? '' } : null,
      decidedAt: r.decided_at,
      suggestion: JSON.parse(r.suggestion) as DecidedSuggestion,
    }))
  }

  async get(documentId: string, suggestionId: string): Promise<SuggestionDisposition | undefined> {
    return (await this.list(documentId)).find((d) => d.suggestionId === suggestionId)
  }

  async set(
    documentId: string,
    suggestionId: string,
    disposition: { decision: Decision; reason: string },
    suggestion: DecidedSuggestion,
    userId: string,
  ): Promise<void> {
    await this.db.run(
      `INSERT INTO suggestion_dispositions (document_id, suggestion_id, decision, reason, decided_by, decided_at, suggestion)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id, suggestion_id) DO UPDATE SET decision = excluded.decision,
         reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at,
         suggestion = excluded.suggestion`,
      [
        documentId,
        suggestionId,
        disposition.decision,
        disposition.reason,
        userId,
        nowIso(),
        JSON.stringify(suggestion),
      ],
    )
  }

  async remove(documentId: string, suggestionId: string): Promise<void> {
    await this.db.run(
      'DELETE FROM suggestion_dispositions WHERE document_id = ? AND suggestion_id = ?',
      [documentId, suggestionId],
    )
  }
}
