import type { Database } from './Database.js'
import type { DocumentStore, StoredDocument } from './DocumentStore.js'
import { foldUpdates } from './foldUpdates.js'
import { nowIso } from './ids.js'

/**
 * State first, then the log, in one statement, so one snapshot: a compaction committing
 * between two reads would otherwise leave neither the old log nor the new state in what we read.
 */
const STORED_DOCUMENT_SQL = `
  SELECT 0 AS seq, state AS data FROM document_state WHERE document_id = ?
  UNION ALL
  SELECT seq, update_data AS data FROM document_updates WHERE document_id = ?
  ORDER BY seq`

/** Rows per batched statement: 1,500 parameters, well under SQLite's and PostgreSQL's limits. */
const ROWS_PER_STATEMENT = 500

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += ROWS_PER_STATEMENT)
    out.push(items.slice(i, i + ROWS_PER_STATEMENT))
  return out
}

interface StoredRow {
  seq: number
  data: Buffer
}

interface PendingAppend {
  documentId: string
  update: Uint8Array
  resolve(): void
  reject(err: unknown): void
}

/** The document log in SQL, the same on SQLite and PostgreSQL. */
export class SqlDocumentStore implements DocumentStore {
  private batch: PendingAppend[] = []

  constructor(
    /** The connection it writes through; public for operations tools and fault-injection tests. */
    readonly db: Database,
  ) {}

  async load(documentId: string): Promise<StoredDocument> {
    const rows = await this.db.all<StoredRow>(STORED_DOCUMENT_SQL, [documentId, documentId])
    return {
      updates: rows.map((row) => new Uint8Array(row.data)),
      logLength: rows.filter((row) => row.seq > 0).length,
    }
  }

  /**
   * Appends issued in the same turn of the event loop (every room's saver flushes on the same
   * FLUSH_DELAY_MS grid) share one transaction: one commit instead of one per document.
   */
  append(documentId: string, update: Uint8Array): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.batch.push({ documentId, update, resolve, reject }) === 1) {
        setImmediate(() => void this.writeBatch())
      }
    })
  }

  private async writeBatch(): Promise<void> {
    const batch = this.batch
    this.batch = []
    try {
      await this.write(batch)
      for (const append of batch) append.resolve()
    } catch (err) {
      if (batch.length === 1) return (batch[0] as PendingAppend).reject(err)
      // One row that cannot be written (its document deleted meanwhile) must not fail the others.
      await Promise.all(
        batch.map((append) => this.write([append]).then(append.resolve, append.reject)),
      )
    }
  }

  /**
   * One multi-row INSERT and one UPDATE per chunk of rows rather than two statements per
   * document: each statement is a round trip to SQLite's thread, and at a flush tick with
   * many documents those round trips were most of the write's cost (SQLite runs the tick's
   * statements as one script, one round trip in all).
   */
  private write(appends: readonly PendingAppend[]): Promise<void> {
    const now = nowIso()
    const documents = [...new Set(appends.map((append) => append.documentId))]
    return this.db.runInTransaction([
      ...chunks(appends).map((chunk) => ({
        sql: `INSERT INTO document_updates (document_id, update_data, created_at) VALUES ${chunk.map(() => '(?, ?, ?)').join(', ')}`,
        params: chunk.flatMap(({ documentId, update }) => [documentId, update, now]),
      })),
      ...chunks(documents).map((chunk) => ({
        sql: `UPDATE documents SET updated_at = ? WHERE id IN (${chunk.map(() => '?').join(', ')})`,
        params: [now, ...chunk],
      })),
    ])
  }

  async compact(documentId: string): Promise<void> {
    await this.db.transaction(async (tx) => {
      // Instances holding the same document take turns (SQLite's single writer already does).
      if (this.db.engine === 'postgres') {
        await tx.get('SELECT pg_advisory_xact_lock(hashtext(?))', [`compact:${documentId}`])
      }
      const rows = await tx.all<StoredRow>(STORED_DOCUMENT_SQL, [documentId, documentId])
      const log = rows.filter((row) => row.seq > 0).map((row) => row.seq)
      if (log.length === 0) return
      await tx.run(
        `INSERT INTO document_state (document_id, state, compacted_at) VALUES (?, ?, ?)
         ON CONFLICT(document_id) DO UPDATE SET state = excluded.state, compacted_at = excluded.compacted_at`,
        [documentId, Buffer.from(foldUpdates(rows.map((row) => row.data))), nowIso()],
      )
      // Exactly the rows folded in, not a range: on PostgreSQL a sequence number is taken at
      // insert but seen at commit, so a row numbered lower than ours may commit after our read.
      await tx.run(
        `DELETE FROM document_updates WHERE document_id = ? AND seq IN (${log.join(',')})`,
        [documentId],
      )
    })
  }
}
