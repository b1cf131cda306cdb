import { SCHEMA_STEPS } from '../schemaSteps.js'
import type { PostgresDatabase } from './PostgresDatabase.js'

/**
 * The shared schema steps in PostgreSQL's types: identity columns for SQLite's
 * autoincrement, BYTEA for BLOB (Yjs state), BIGINT for INTEGER (epoch milliseconds do not
 * fit in PostgreSQL's 32-bit INTEGER). Everything else in the steps is SQL both engines read alike.
 */
const toPostgres = (step: string): string =>
  step
    .replaceAll(
      'INTEGER PRIMARY KEY AUTOINCREMENT',
      'BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY',
    )
    .replaceAll('BLOB', 'BYTEA')
    .replaceAll('INTEGER', 'BIGINT')

export const SCHEMA_VERSION = SCHEMA_STEPS.length

/** Any constant both instances agree on: the key of the advisory lock migrations hold. */
const MIGRATION_LOCK = 4_242_001

/**
 * Brings the schema up to date. Instances starting together take turns on an advisory
 * lock, so each step runs once; each step commits with its version number or not at all.
 */
export const migrate = async (db: PostgresDatabase): Promise<void> => {
  await db.withClient(async (client) => {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK])
    try {
      await client.query('CREATE TABLE IF NOT EXISTS accord_schema (version INTEGER NOT NULL)')
      const { rows } = await client.query<{ version: number }>(
        'SELECT max(version) AS version FROM accord_schema',
      )
      const current = rows[0]?.version ?? 0
      if (current > SCHEMA_VERSION) {
        throw new Error(
          `The database is at schema version ${current}, newer than this server (${SCHEMA_VERSION}). Upgrade Accord.`,
        )
      }
      for (let version = current; version < SCHEMA_VERSION; version++) {
        await client.query('BEGIN')
        try {
          await client.query(toPostgres(SCHEMA_STEPS[version] as string))
          await client.query('INSERT INTO accord_schema (version) VALUES ($1)', [version + 1])
          await client.query('COMMIT')
        } catch (err) {
          await client.query('ROLLBACK').catch(() => undefined)
          throw err
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined)
    }
  })
}
