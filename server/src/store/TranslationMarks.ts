import type { TranslationMark } from '@accord/diff'
import type { Database } from './Database.js'
import { nowIso } from './ids.js'

interface MarkRow {
  clause_id: string
  source_text: string
  marked_by: string
  marked_by_name: string | null
  marked_at: string
}

/**
 * Which clauses of a translation a person marked translated, and against which source text:
 * the whole staleness record (a clause's state is this text compared with the live source).
 */
export class TranslationMarks {
  constructor(private readonly db: Database) {}

  /** Marks (or marks again) a clause translated against `sourceText`. */
  async mark(
    documentId: string,
    clauseId: string,
    sourceText: string,
    userId: string,
  ): Promise<string> {
    const at = nowIso()
    await this.db.run(
      `INSERT INTO translation_marks (document_id, clause_id, source_text, marked_by, marked_at)
       VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (document_id, clause_id)
       DO UPDATE SET source_text = excluded.source_text, marked_by = excluded.marked_by, marked_at = excluded.marked_at`,
      [documentId, clauseId, sourceText, userId, at],
    )
    return at
  }

  /** Every mark of a translation, by clause id. */
  async list(documentId: string): Promise<Map<string, TranslationMark>> {
    const rows = await this.db.all<MarkRow>(
      `SELECT m.clause_id, m.source_text, m.marked_by, u.name AS marked_by_name, m.marked_at
       FROM translation_marks m LEFT JOIN users u ON u.id = m.marked_by WHERE m.document_id = ?`,
      [documentId],
    )
    return new Map(
      rows.map((r) => [
        r.clause_id,
        {
          sourceText: r.source_text,
          at: r.marked_at,
          by: { id: r.marked_by, name: r.marked_by_name ?? '' },
        },
      ]),
    )
  }
}
