import type { DocumentInfo, DocumentLanguage, DocumentStatus } from '@accord/protocol'
import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

interface DocumentRow {
  id: string
  title: string
  status: DocumentStatus
  created_at: string
  created_by: string
  updated_at: string
  status_changed_at: string
  status_changed_by: string | null
  status_changed_by_name: string | null
  language: DocumentLanguage
  source_document_id: string | null
}

const toInfo = (r: DocumentRow): DocumentInfo => ({
  id: r.id,
  title: r.title,
  status: r.status,
  createdAt: r.created_at,
  createdBy: r.created_by,
  updatedAt: r.updated_at,
  statusChangedAt: r.status_changed_at,
  statusChangedBy: r.status_changed_by
    ? { id: r.status_changed_by, name: r.status_changed_by_name ?? '' }
    : null,
  language: r.language,
  sourceDocumentId: r.source_document_id,
})

const SELECT = `SELECT d.*, u.name AS status_changed_by_name FROM documents d LEFT JOIN users u ON u.id = d.status_changed_by`

/** Document metadata: titles, status, times. The text itself lives in the DocumentStore. */
export class DocumentCatalog {
  constructor(private readonly db: Database) {}

  /** A new draft source document. */
  async create(
    title: string,
    userId: string,
    language: DocumentLanguage = 'ru',
  ): Promise<DocumentInfo> {
    return (await this.insert(title, userId, language, null)) as DocumentInfo
  }

  /**
   * A new draft translation of `sourceDocumentId`; undefined when that language version
   * exists already (a unique index decides, so two people adding it at once get one).
   */
  createTranslation(
    title: string,
    userId: string,
    language: DocumentLanguage,
    sourceDocumentId: string,
  ): Promise<DocumentInfo | undefined> {
    return this.insert(title, userId, language, sourceDocumentId)
  }

  private async insert(
    title: string,
    userId: string,
    language: DocumentLanguage,
    sourceDocumentId: string | null,
  ): Promise<DocumentInfo | undefined> {
    const id = newId()
    const now = nowIso()
    const { changes } = await this.db.run(
      `INSERT INTO documents (id, title, status, created_at, created_by, updated_at, status_changed_at, status_changed_by, language, source_document_id)
       VALUES (?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      [id, title, now, userId, now, now, userId, language, sourceDocumentId],
    )
    return changes === 1 ? this.get(id) : undefined
  }

  /** The translations of a source, oldest first. */
  async translationsOf(sourceDocumentId: string): Promise<DocumentInfo[]> {
    const rows = await this.db.all<DocumentRow>(
      `${SELECT} WHERE d.source_document_id = ? ORDER BY d.created_at, d.id`,
      [sourceDocumentId],
    )
    return rows.map(toInfo)
  }

  /** Follows a source's language setting (its translations' languages are fixed at creation). */
  async setLanguage(id: string, language: DocumentLanguage): Promise<void> {
    await this.db.run(
      'UPDATE documents SET language = ? WHERE id = ? AND source_document_id IS NULL AND language <> ?',
      [language, id, language],
    )
  }

  /** Removes a document that was never opened (an import that failed half-way), with all it holds. */
  async remove(id: string): Promise<void> {
    await this.db.run('DELETE FROM documents WHERE id = ?', [id])
  }

  async get(id: string): Promise<DocumentInfo | undefined> {
    const row = await this.db.get<DocumentRow>(`${SELECT} WHERE d.id = ?`, [id])
    return row && toInfo(row)
  }

  /** Most recently active first; `query` filters titles case-insensitively (Cyrillic included). */
  async list(query?: string): Promise<DocumentInfo[]> {
    const rows = await this.db.all<DocumentRow>(`${SELECT} ORDER BY d.updated_at DESC`)
    const needle = query?.trim().toLocaleLowerCase()
    // SQLite's LIKE folds ASCII only, so Russian titles are filtered here.
    const found = needle ? rows.filter((r) => r.title.toLocaleLowerCase().includes(needle)) : rows
    return found.map(toInfo)
  }

  /**
   * Renames and/or moves a document in one statement, only while its status is still
   * `from` (the one the permission check saw). Undefined when it was not: the status changed
   * meanwhile (check again) or the document is gone.
   */
  async update(
    id: string,
    from: DocumentStatus,
    patch: { title?: string; status?: DocumentStatus },
    userId: string,
  ): Promise<DocumentInfo | undefined> {
    const now = nowIso()
    const sets = ['updated_at = ?']
    const params: string[] = [now]
    if (patch.title !== undefined) {
      sets.push('title = ?')
      params.push(patch.title)
    }
    if (patch.status !== undefined && patch.status !== from) {
      sets.push('status = ?', 'status_changed_at = ?', 'status_changed_by = ?')
      params.push(patch.status, now, userId)
    }
    const { changes } = await this.db.run(
      `UPDATE documents SET ${sets.join(', ')} WHERE id = ? AND status = ?`,
      [...params, id, from],
    )
    return changes === 1 ? this.get(id) : undefined
  }
}
