import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

/** A consultation as stored; times are epoch milliseconds. */
export interface StoredConsultation {
  id: string
  documentId: string
  versionId: string
  slug: string
  opensAt: number
  closesAt: number
  introduction: string
  createdBy: string | null
  createdAt: string
  /** When the retention sweep erased its commenters' addresses. */
  personalDataErasedAt: string | null
}

interface Row {
  id: string
  document_id: string
  version_id: string
  slug: string
  opens_at: number | string
  closes_at: number | string
  introduction: string
  created_by: string | null
  created_at: string
  personal_data_erased_at: string | null
}

// PostgreSQL returns BIGINT as a string.
const toConsultation = (r: Row): StoredConsultation => ({
  id: r.id,
  documentId: r.document_id,
  versionId: r.version_id,
  slug: r.slug,
  opensAt: Number(r.opens_at),
  closesAt: Number(r.closes_at),
  introduction: r.introduction,
  createdBy: r.created_by,
  createdAt: r.created_at,
  personalDataErasedAt: r.personal_data_erased_at,
})

/** Public consultations: which version of which document, where, and when. */
export class ConsultationStore {
  constructor(private readonly db: Database) {}

  /** Undefined when the slug is taken (the unique index decides, so two at once cannot both win). */
  async create(
    input: Omit<StoredConsultation, 'id' | 'createdAt' | 'personalDataErasedAt'>,
  ): Promise<StoredConsultation | undefined> {
    const id = newId()
    const { changes } = await this.db.run(
      `INSERT INTO consultations (id, document_id, version_id, slug, opens_at, closes_at, introduction, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (slug) DO NOTHING`,
      [
        id,
        input.documentId,
        input.versionId,
        input.slug,
        input.opensAt,
        input.closesAt,
        input.introduction,
        input.createdBy,
        nowIso(),
      ],
    )
    return changes === 0 ? undefined : this.get(id)
  }

  async get(id: string): Promise<StoredConsultation | undefined> {
    const row = await this.db.get<Row>('SELECT * FROM consultations WHERE id = ?', [id])
    return row && toConsultation(row)
  }

  async bySlug(slug: string): Promise<StoredConsultation | undefined> {
    const row = await this.db.get<Row>('SELECT * FROM consultations WHERE slug = ?', [slug])
    return row && toConsultation(row)
  }

  /** A document's consultations, newest first. */
  async ofDocument(documentId: string): Promise<StoredConsultation[]> {
    const rows = await this.db.all<Row>(
      'SELECT * FROM consultations WHERE document_id = ? ORDER BY created_at DESC',
      [documentId],
    )
    return rows.map(toConsultation)
  }

  /** Consultations scheduled or open at `now`. */
  async notClosedAt(now: number): Promise<StoredConsultation[]> {
    const rows = await this.db.all<Row>('SELECT * FROM consultations WHERE closes_at > ?', [now])
    return rows.map(toConsultation)
  }

  /** Consultations closed before `before` whose commenters' addresses are still kept. */
  async closedBefore(before: number): Promise<StoredConsultation[]> {
    const rows = await this.db.all<Row>(
      'SELECT * FROM consultations WHERE closes_at < ? AND personal_data_erased_at IS NULL',
      [before],
    )
    return rows.map(toConsultation)
  }

  async markPersonalDataErased(id: string): Promise<void> {
    await this.db.run('UPDATE consultations SET personal_data_erased_at = ? WHERE id = ?', [
      nowIso(),
      id,
    ])
  }
}
