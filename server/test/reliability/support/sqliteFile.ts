import path from 'node:path'
import sqlite3 from 'sqlite3'
import * as Y from 'yjs'

/** The database file of a DATA_DIR. */
export const databaseFile = (dataDir: string): string => path.join(dataDir, 'accord.sqlite')

/**
 * Opens a second connection to a server's database, as an operator's tool would, for
 * checks and for injecting faults (locks, corrupt rows). Closed by `close()`.
 */
export const openSecondConnection = (file: string, mode = sqlite3.OPEN_READWRITE) => {
  const db = new sqlite3.Database(file, mode)
  const run = (sql: string, params: unknown[] = []): Promise<void> =>
    new Promise((resolve, reject) => db.run(sql, params, (err) => (err ? reject(err) : resolve())))
  const all = <T>(sql: string, params: unknown[] = []): Promise<T[]> =>
    new Promise((resolve, reject) =>
      db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[]))),
    )
  const exec = (sql: string): Promise<void> =>
    new Promise((resolve, reject) => db.exec(sql, (err) => (err ? reject(err) : resolve())))
  const close = (): Promise<void> =>
    new Promise((resolve, reject) => db.close((err) => (err ? reject(err) : resolve())))
  return { run, all, exec, close }
}

/** Runs `fn` on a fresh connection and closes it. */
export const withConnection = async <T>(
  file: string,
  fn: (c: ReturnType<typeof openSecondConnection>) => Promise<T>,
): Promise<T> => {
  const c = openSecondConnection(file)
  try {
    return await fn(c)
  } finally {
    await c.close()
  }
}

/** `PRAGMA integrity_check` of a database file: 'ok' when sound. */
export const integrityCheck = (file: string): Promise<string> =>
  withConnection(file, async (c) =>
    (await c.all<{ integrity_check: string }>('PRAGMA integrity_check'))
      .map((r) => r.integrity_check)
      .join('; '),
  )

/** What the database holds for a document, applied to a fresh Y.Doc (state row first, then the log). */
export const storedDoc = (file: string, documentId: string): Promise<Y.Doc> =>
  withConnection(file, async (c) => {
    const doc = new Y.Doc()
    // One statement, so one snapshot, even while the server compacts.
    const rows = await c.all<{ data: Buffer }>(
      `SELECT 0 AS seq, state AS data FROM document_state WHERE document_id = ?
       UNION ALL
       SELECT seq, update_data AS data FROM document_updates WHERE document_id = ?
       ORDER BY seq`,
      [documentId, documentId],
    )
    for (const row of rows) Y.applyUpdate(doc, new Uint8Array(row.data))
    return doc
  })

export { paragraphs } from '../../utils/paragraphs.js'
