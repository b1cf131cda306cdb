import type { Database } from '../../../src/store/Database.js'
import { SqliteDocumentStore } from '../../../src/store/SqliteDocumentStore.js'
import type { TestServer } from '../../utils/newTestServer.js'

/**
 * The running server's own SQLite connection. Fault tests use it to put the database in
 * a state SQLite itself reports on that connection: `PRAGMA query_only` (SQLITE_READONLY),
 * `PRAGMA max_page_count` (SQLITE_FULL, as when the disk is full), a short busy_timeout
 * (SQLITE_BUSY sooner).
 */
export const serverDatabase = (t: TestServer): Database => {
  const store = t.server.registry.store
  if (!(store instanceof SqliteDocumentStore)) throw new Error('not the SQLite store')
  return store.db
}
