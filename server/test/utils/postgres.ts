import { randomBytes } from 'node:crypto'
import pg from 'pg'

/**
 * A PostgreSQL server the tests may create databases on (.ci/run starts one and sets it);
 * without it the PostgreSQL cases are skipped, and say so.
 */
export const POSTGRES_URL = process.env.ACCORD_TEST_POSTGRES_URL || undefined

if (!POSTGRES_URL) {
  console.warn('ACCORD_TEST_POSTGRES_URL is not set: PostgreSQL and scale-out tests are skipped')
}

const withAdmin = async (fn: (client: pg.Client) => Promise<void>) => {
  const client = new pg.Client({ connectionString: POSTGRES_URL })
  await client.connect()
  try {
    await fn(client)
  } finally {
    await client.end()
  }
}

/** A new, empty database of its own; `drop` removes it (and ends connections left to it). */
export const freshPostgresDatabase = async (): Promise<{ url: string; drop(): Promise<void> }> => {
  if (!POSTGRES_URL) throw new Error('ACCORD_TEST_POSTGRES_URL is not set')
  const name = `accord_test_${randomBytes(6).toString('hex')}`
  await withAdmin((c) => c.query(`CREATE DATABASE ${name}`).then(() => undefined))
  const url = new URL(POSTGRES_URL)
  url.pathname = `/${name}`
  return {
    url: url.toString(),
    drop: () =>
      withAdmin((c) => c.query(`DROP DATABASE ${name} WITH (FORCE)`).then(() => undefined)),
  }
}
