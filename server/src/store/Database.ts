export type Param = string | number | bigint | boolean | Buffer | Uint8Array | null
export type Params = readonly Param[]

/** One statement with `?` placeholders, and the values for them. */
export interface Statement {
  sql: string
  params?: Params
}

/**
 * The SQL connection every store writes through, whichever engine holds the data. Stores
 * write SQL both engines run alike: `?` placeholders, `ON CONFLICT`, `RETURNING`, quoted
 * camel-case aliases, no engine-specific functions. What differs lives in the two
 * implementations (sqlite/, postgres/) and their migrations.
 */
export interface Database {
  readonly engine: 'sqlite' | 'postgres'
  get<T>(sql: string, params?: Params): Promise<T | undefined>
  all<T>(sql: string, params?: Params): Promise<T[]>
  /** Runs one write statement; resolves with the number of rows it changed. */
  run(sql: string, params?: Params): Promise<{ changes: number }>
  /** Runs `fn` in one transaction, rolled back if it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>
  /**
   * Runs `statements` in one transaction, rolled back if one fails: for a write whose
   * statements are all known before it starts (it reads nothing in between). On SQLite that is
   * one round trip to SQLite's thread where `transaction` takes two per statement and two more
   * for BEGIN and COMMIT: the hottest write, the document log at every flush tick, goes so.
   */
  runInTransaction(statements: readonly Statement[]): Promise<void>
  /** Closes after the writes queued so far; every later call rejects with DatabaseClosedError. */
  close(): Promise<void>
}

/** What a transaction body may do: every statement runs inside the open transaction. */
export interface Transaction {
  run(sql: string, params?: Params): Promise<{ changes: number }>
  get<T>(sql: string, params?: Params): Promise<T | undefined>
  all<T>(sql: string, params?: Params): Promise<T[]>
}

/** A use of the database after close(): a bug (a timer that outlived shutdown), reported as such. */
export class DatabaseClosedError extends Error {
  constructor() {
    super('the database is closed')
  }
}
