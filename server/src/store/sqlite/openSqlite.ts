import fs from 'node:fs'
import path from 'node:path'
import { migrate } from './migrations.js'
import { SqliteDatabase } from './SqliteDatabase.js'

export const DATABASE_FILE = 'accord.sqlite'

/**
 * Opens (creating if needed) the database in `dataDir`, with the settings
 * docs/reliability.md explains: WAL so readers never block the writer,
 * synchronous=NORMAL (a crash of the process loses nothing committed; a power
 * loss may lose the last transactions), and a busy timeout for the backup tool.
 */
export const openSqlite = async (dataDir: string): Promise<SqliteDatabase> => {
  fs.mkdirSync(dataDir, { recursive: true })
  const db = await SqliteDatabase.open(path.join(dataDir, DATABASE_FILE))
  await db.exec(
    'PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;',
  )
  await migrate(db)
  return db
}
