import type { Finalization, OpenItems } from '@accord/protocol'
import type { Database } from './Database.js'
import { newId, nowIso } from './ids.js'

interface FinalizationRow {
  document_id: string
  version_id: string
  finalized_at: string
  finalized_by: string | null
  by_name: string | null
  decision: Finalization['decision']
  reason: string | null
  appendix: string | null
}

const toFinalization = (r: FinalizationRow): Finalization => ({
  documentId: r.document_id,
  versionId: r.version_id,
  finalizedAt: r.finalized_at,
  finalizedBy: r.finalized_by ? { id: r.finalized_by, name: r.by_name ?? '' } : null,
  decision: r.decision,
  reason: r.reason,
  appendix: r.appendix ? (JSON.parse(r.appendix) as OpenItems) : null,
})

const SELECT = `SELECT f.document_id, f.version_id, f.finalized_at, f.finalized_by, u.name AS by_name,
    f.decision, f.reason, f.appendix
  FROM finalizations f LEFT JOIN users u ON u.id = f.finalized_by`

/** Each time a document was made final: its version, the decision on open items, the appendix. */
export class FinalizationStore {
  constructor(private readonly db: Database) {}

  async record(input: Omit<Finalization, 'finalizedAt' | 'finalizedBy'> & { userId: string }) {
    await this.db.run(
      `INSERT INTO finalizations (id, document_id, version_id, finalized_at, finalized_by, decision, reason, appendix)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      [
        newId(),
        input.documentId,
        input.versionId,
        nowIso(),
        input.userId,
        input.decision,
        input.reason,
        input.appendix ? JSON.stringify(input.appendix) : null,
      ],
    )
  }

  /** The latest finalization of a document, or undefined if it was never final. */
  async latest(documentId: string): Promise<Finalization | undefined> {
    const row = await this.db.get<FinalizationRow>(
      `${SELECT} WHERE f.document_id = ? ORDER BY f.finalized_at DESC LIMIT 1`,
      [documentId],
    )
    return row && toFinalization(row)
  }

  /** The finalization that a version keeps the text of, if it is one. */
  async ofVersion(documentId: string, versionId: string): Promise<Finalization | undefined> {
    const row = await this.db.get<FinalizationRow>(
      `${SELECT} WHERE f.document_id = ? AND f.version_id = ?`,
      [documentId, versionId],
    )
    return row && toFinalization(row)
  }
}
