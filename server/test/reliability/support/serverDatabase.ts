import { SqlDocumentStore } from '../../../src/store/SqlDocumentStore.js'
import { SqliteDatabase } from '../../../src/store/sqlite/SqliteDatabase.js'
import type { TestServer } from '../../utils/newTestServer.js'

/**
 * The running server's own SQLite connection. Fault tests use it to put the database in
 * a state SQLite itself reports on that connection: `PRAGMA query_only` (SQLITE_READONLY),
 * `PRAGMA max_page_count` (SQLITE_FULL, as when the disk is full), a short busy_timeout
 * (SQLITE_BUSY sooner).
 */
export const serverDatabase = (t: TestServer): SqliteDatabase => {
  const store = t.server.registry.store
  if (!(store instanceof SqlDocumentStore && store.db instanceof SqliteDatabase)) {
    throw new Error('not the SQLite store')
  }
  return store.db
}
