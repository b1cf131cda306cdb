import { SCHEMA_STEPS } from '../schemaSteps.js'
import type { SqliteDatabase } from './SqliteDatabase.js'

/** SQLite records how far the schema is in `PRAGMA user_version`. */
export const SCHEMA_VERSION = SCHEMA_STEPS.length

export const migrate = async (db: SqliteDatabase): Promise<void> => {
  const row = await db.get<{ user_version: number }>('PRAGMA user_version')
  const current = row?.user_version ?? 0
  if (current > SCHEMA_VERSION) {
    throw new Error(
      `The database is at schema version ${current}, newer than this server (${SCHEMA_VERSION}). Upgrade Accord.`,
    )
  }
  for (let version = current; version < SCHEMA_VERSION; version++) {
    const sql = SCHEMA_STEPS[version] as string
    try {
      await db.exec(`BEGIN IMMEDIATE; ${sql}; PRAGMA user_version = ${version + 1}; COMMIT;`)
    } catch (err) {
      await db.exec('ROLLBACK').catch(() => undefined)
      throw err
    }
  }
}
