import type { Database } from './Database.js'
import type { DocumentStore, StoredDocument } from './DocumentStore.js'
import { nowIso } from './ids.js'

export class SqliteDocumentStore implements DocumentStore {
  constructor(
    /** The connection it writes through; public for operations tools and fault-injection tests. */
    readonly db: Database,
  ) {}

  async load(documentId: string): Promise<StoredDocument> {
    // One statement, so one snapshot: a compaction committing between two reads would
    // otherwise leave neither the old log nor the new state in what we read.
    const rows = await this.db.all<{ seq: number; data: Buffer }>(
      `SELECT 0 AS seq, state AS data FROM document_state WHERE document_id = ?
       UNION ALL
       SELECT seq, update_data AS data FROM document_updates WHERE document_id = ?
       ORDER BY seq`,
      [documentId, documentId],
    )
    const log = rows.filter((row) => row.seq > 0)
    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      lastSeq: log.at(-1)?.seq ?? 0,
      logLength: log.length,
    }
  }

  async append(documentId: string, update: Uint8Array): Promise<number> {
    return this.db.transaction(async (tx) => {
      const now = nowIso()
      const { lastID } = await tx.run(
        'INSERT INTO document_updates (document_id, update_data, created_at) VALUES (?, ?, ?)',
        [documentId, Buffer.from(update), now],
      )
      await tx.run('UPDATE documents SET updated_at = ? WHERE id = ?', [now, documentId])
      return lastID
    })
  }

  async compact(documentId: string, state: Uint8Array, throughSeq: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.run(
        `INSERT INTO document_state (document_id, state, compacted_at) VALUES (?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, compacted_at = excluded.compacted_at`,
        [documentId, Buffer.from(state), nowIso()],
      )
      await tx.run('DELETE FROM document_updates WHERE document_id = ? AND seq <= ?', [
        documentId,
        throughSeq,
      ])
    })
  }
}
