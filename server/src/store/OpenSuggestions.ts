import type { Database } from './Database.js'
import { nowIso } from './ids.js'

/** What the "my work" page shows of one open suggestion. */
export interface StoredSuggestion {
  id: string
  kind: 'insertion' | 'deletion' | 'replacement' | 'modification'
  authorId: string
  authorName: string
  at: string
  deleted: string
  inserted: string
  clauseNumber: string | null
}

/**
 * A document that is not final, with its open suggestions as last saved; null when never
 * saved, or saved before the text last stored (a save lost to a crash): then not to be trusted.
 */
export interface DocumentSuggestions {
  id: string
  title: string
  suggestions: StoredSuggestion[] | null
}

/**
 * Each document's open suggestions as last saved from its live text: read for documents
 * nobody has open, so counting them across documents loads no document.
 */
export class OpenSuggestions {
  constructor(private readonly db: Database) {}

  async save(documentId: string, suggestions: StoredSuggestion[]): Promise<void> {
    await this.db.run(
      `INSERT INTO open_suggestions (document_id, suggestions, saved_at) VALUES (?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET suggestions = excluded.suggestions, saved_at = excluded.saved_at`,
      [documentId, JSON.stringify(suggestions), nowIso()],
    )
  }

  /** Every document still open to decisions (draft or review), in title order. */
  async undecidedDocuments(): Promise<DocumentSuggestions[]> {
    const rows = await this.db.all<{
      id: string
      title: string
      suggestions: string | null
      stale: number
    }>(
      `SELECT d.id, d.title, s.suggestions,
         CASE WHEN EXISTS (SELECT 1 FROM document_updates u
                           WHERE u.document_id = d.id AND u.created_at > s.saved_at)
                OR EXISTS (SELECT 1 FROM document_state t
                           WHERE t.document_id = d.id AND t.compacted_at > s.saved_at)
              THEN 1 ELSE 0 END AS stale
       FROM documents d
       LEFT JOIN open_suggestions s ON s.document_id = d.id
       WHERE d.status <> 'final' ORDER BY d.title, d.id`,
    )
    return rows.map((r) => ({
      id: r.id,
      title: r.title,
      suggestions:
        r.suggestions === null || Number(r.stale) === 1
          ? null
          : (JSON.parse(r.suggestions) as StoredSuggestion[]),
    }))
  }
}
