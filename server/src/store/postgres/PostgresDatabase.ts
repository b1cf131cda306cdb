import pg from 'pg'
import type { Database, Params, Statement, Transaction } from '../Database.js'
import { DatabaseClosedError } from '../Database.js'

const INT8 = 20
const NUMERIC = 1700

/** count(*), sum() and BIGINT columns come back as numbers, as they do from SQLite (all ours fit in 2^53). */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 || oid === NUMERIC
      ? Number
      : pg.types.getTypeParser(oid, format ?? 'text')) as pg.CustomTypesConfig['getTypeParser'],
}

const placeholders = new Map<string, string>()

/** `?` → `$1, $2, …`, so stores write one SQL for both engines. None of ours has a `?` inside a literal. */
const toPostgres = (sql: string): string => {
  let converted = placeholders.get(sql)
  if (converted === undefined) {
    let n = 0
    converted = sql.replace(/\?/g, () => `$${++n}`)
    placeholders.set(sql, converted)
  }
  return converted
}

const toValues = (params: Params): unknown[] =>
  params.map((p) => (p instanceof Uint8Array && !Buffer.isBuffer(p) ? Buffer.from(p) : p))

type Queryable = Pick<pg.Pool, 'query'> | pg.PoolClient

/**
 * A pool of PostgreSQL connections. Unlike SQLite's one connection, concurrent transactions
 * are isolated by the server, so writes need no queue of their own here; each transaction
 * holds one pooled client from BEGIN to COMMIT.
 */
export class PostgresDatabase implements Database {
  readonly engine = 'postgres'
  private closing = false

  constructor(
    private readonly pool: pg.Pool,
    private readonly onError: (err: Error) => void,
  ) {
    // An idle client losing its connection (a PostgreSQL restart) must not crash the process.
    pool.on('error', (err) => this.onError(err))
  }

  static connect(url: string, onError: (err: Error) => void): PostgresDatabase {
    return new PostgresDatabase(
      new pg.Pool({
        connectionString: url,
        max: 10,
        types,
        connectionTimeoutMillis: 5000,
        application_name: 'accord',
      }),
      onError,
    )
  }

  async get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return (await this.query<T>(this.pool, sql, params)).rows[0]
  }

  async all<T>(sql: string, params: Params = []): Promise<T[]> {
    return (await this.query<T>(this.pool, sql, params)).rows
  }

  async run(sql: string, params: Params = []): Promise<{ changes: number }> {
    return { changes: (await this.query(this.pool, sql, params)).rowCount ?? 0 }
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    if (this.closing) throw new DatabaseClosedError()
    const client = await this.pool.connect()
    let broken: unknown
    // A checked-out client has no pool listener: losing its connection between two queries
    // would otherwise be an uncaught 'error' event and end the process.
    const onLost = (err: Error) => {
      broken = err
    }
    client.on('error', onLost)
    try {
      await client.query('BEGIN')
      const result = await fn({
        get: async (s, p = []) => (await this.query<never>(client, s, p)).rows[0],
        all: async (s, p = []) => (await this.query<never>(client, s, p)).rows,
        run: async (s, p = []) => ({ changes: (await this.query(client, s, p)).rowCount ?? 0 }),
      })
      await client.query('COMMIT')
      return result
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackFailed: unknown) => {
        broken = rollbackFailed
      })
      throw err
    } finally {
      // A client whose rollback failed or whose connection was lost is in an unknown state:
      // destroy it rather than reuse it.
      client.off('error', onLost)
      client.release(broken instanceof Error ? broken : undefined)
    }
  }

  async runInTransaction(statements: readonly Statement[]): Promise<void> {
    await this.transaction(async (tx) => {
      for (const { sql, params } of statements) await tx.run(sql, params)
    })
  }

  /** Takes a pooled client for work that must stay on one connection (session-level locks). */
  async withClient<T>(fn: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect()
    let lost: Error | undefined
    const onLost = (err: Error) => {
      lost = err
    }
    client.on('error', onLost)
    try {
      return await fn(client)
    } finally {
      client.off('error', onLost)
      client.release(lost)
    }
  }

  async close(): Promise<void> {
    if (this.closing) throw new DatabaseClosedError()
    this.closing = true
    await this.pool.end()
  }

  private query<T>(
    on: Queryable,
    sql: string,
    params: Params,
  ): Promise<pg.QueryResult<T & pg.QueryResultRow>> {
    if (this.closing && on === this.pool) return Promise.reject(new DatabaseClosedError())
    return on.query<T & pg.QueryResultRow>(toPostgres(sql), toValues(params))
  }
}
