import fs from 'node:fs'
import path from 'node:path'
import { loadConfig } from './config.js'
import { DATABASE_FILE } from './store/sqlite/openSqlite.js'
import { SqliteDatabase } from './store/sqlite/SqliteDatabase.js'

/**
 * `npm run backup [-- TARGET_FILE]`: a consistent copy of the database while
 * the server keeps running (SQLite's VACUUM INTO reads one snapshot; writers
 * are not blocked in WAL mode). Default target: DATA_DIR/backups/accord-<time>.sqlite.
 */
export const backup = async (dataDir: string, target?: string): Promise<string> => {
  const source = path.join(dataDir, DATABASE_FILE)
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}`)
  const out = path.resolve(
    target ??
      path.join(
        dataDir,
        'backups',
        `accord-${new Date().toISOString().replace(/[:.]/g, '-')}.sqlite`,
      ),
  )
  if (fs.existsSync(out)) throw new Error(`${out} exists already; choose another file`)
  fs.mkdirSync(path.dirname(out), { recursive: true })
  const db = await SqliteDatabase.open(source)
  try {
    await db.exec('PRAGMA busy_timeout = 10000')
    await db.run('VACUUM INTO ?', [out])
    const check = await SqliteDatabase.open(out)
    const result = await check.get<{ integrity_check: string }>('PRAGMA integrity_check')
    await check.close()
    if (result?.integrity_check !== 'ok')
      throw new Error(`The copy failed its integrity check: ${result?.integrity_check}`)
  } finally {
    await db.close()
  }
  return out
}

if (import.meta.url === `file://${process.argv[1]}`) {
  backup(loadConfig().dataDir, process.argv[2]).then(
    (out) => process.stdout.write(`Backup written to ${out}\n`),
    (err: unknown) => {
      process.stderr.write(`Backup failed: ${err instanceof Error ? err.message : String(err)}\n`)
      process.exit(1)
    },
  )
}
