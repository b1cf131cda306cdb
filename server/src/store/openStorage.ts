import type { Logger } from '../logger.js'
import type { Database } from './Database.js'
import { DataDirLock } from './sqlite/DataDirLock.js'
import { openSqlite } from './sqlite/openSqlite.js'

export interface Storage {
  db: Database
  /** Closes the database (and releases the data directory, for SQLite). */
  close(): Promise<void>
}

/**
 * PostgreSQL when `databaseUrl` is given (several instances share it), otherwise SQLite in
 * `dataDir`, locked to this one process. Either way migrated to the current schema.
 */
export const openStorage = async (
  options: { databaseUrl: string | undefined; dataDir: string },
  logger: Logger,
): Promise<Storage> => {
  if (options.databaseUrl) {
    // Loaded only here: a SQLite server does not carry the PostgreSQL client in memory.
    const { PostgresDatabase } = await import('./postgres/PostgresDatabase.js')
    const { migrate: migratePostgres } = await import('./postgres/migrations.js')
    const db = PostgresDatabase.connect(options.databaseUrl, (err) =>
      logger.warn({ err: err.message }, 'a PostgreSQL connection failed; the pool reconnects'),
    )
    try {
      await migratePostgres(db)
    } catch (err) {
      await db.close().catch(() => undefined)
      throw err
    }
    return { db, close: () => db.close() }
  }
  const lock = DataDirLock.acquire(options.dataDir)
  const db = await openSqlite(options.dataDir).catch((err) => {
    lock.release()
    throw err
  })
  return {
    db,
    close: async () => {
      await db.close()
      lock.release()
    },
  }
}
