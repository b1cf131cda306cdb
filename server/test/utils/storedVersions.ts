import * as Y from 'yjs'
import { databaseFile, withConnection } from '../reliability/support/sqliteFile.js'

/**
 * The documents a server keeps as versions of `documentId` (named `prefix…`), read straight
 * from its SQLite file: the API serves a version's JSON, not its Yjs state, and a test that
 * accounts for every edit by its Yjs id needs the state.
 */
export const storedVersionDocs = (
  dataDir: string,
  documentId: string,
  prefix: string,
): Promise<Y.Doc[]> =>
  withConnection(databaseFile(dataDir), async (c) => {
    const rows = await c.all<{ state: Buffer }>(
      'SELECT state FROM versions WHERE document_id = ? AND name LIKE ? ORDER BY created_at',
      [documentId, `${prefix}%`],
    )
    return rows.map((row) => {
      const doc = new Y.Doc()
      Y.applyUpdate(doc, new Uint8Array(row.state))
      return doc
    })
  })
