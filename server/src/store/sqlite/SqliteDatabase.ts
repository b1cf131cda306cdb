import sqlite3 from 'sqlite3'

import type { Database, Params, Transaction } from '../Database.js'
import { DatabaseClosedError } from '../Database.js'

/**
 * A promise wrapper around one sqlite3 connection.
 *
 * One connection means one transaction scope, so every write (single statements
 * and transactions alike) goes through one queue: a statement issued by one
 * request can never slip into another's open transaction. Reads run freely.
 */
export class SqliteDatabase implements Database {
  readonly engine = 'sqlite'
  private writeQueue: Promise<unknown> = Promise.resolve()
  /** close() was called: no new writes. */
  private closing = false
  /** The connection is closed: no reads either. */
  private closed = false

  private constructor(private readonly db: sqlite3.Database) {}

  static open(file: string): Promise<SqliteDatabase> {
    return new Promise((resolve, reject) => {
      const db = new sqlite3.Database(file, (err) =>
        err ? reject(err) : resolve(new SqliteDatabase(db)),
      )
    })
  }

  get<T>(sql: string, params: Params = []): Promise<T | undefined> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new DatabaseClosedError())
      this.db.get(sql, params, (err, row) => (err ? reject(err) : resolve(row as T | undefined)))
    })
  }

  all<T>(sql: string, params: Params = []): Promise<T[]> {
    return new Promise((resolve, reject) => {
      if (this.closed) return reject(new DatabaseClosedError())
      this.db.all(sql, params, (err, rows) => (err ? reject(err) : resolve(rows as T[])))
    })
  }

  /** Runs one write statement; resolves with the changed-row count. */
  run(sql: string, params: Params = []): Promise<{ changes: number }> {
    return this.enqueue(() => this.rawRun(sql, params))
  }

  /** Runs `fn` inside BEGIN IMMEDIATE … COMMIT, rolled back if it throws. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.enqueue(async () => {
      await this.rawExec('BEGIN IMMEDIATE')
      try {
        const result = await fn({
          run: (sql, params) => this.rawRun(sql, params ?? []),
          get: (s, p) => this.get(s, p),
          all: (s, p) => this.all(s, p),
        })
        await this.rawExec('COMMIT')
        return result
      } catch (err) {
        await this.rawExec('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  }

  transactionScript(statements: readonly string[]): Promise<void> {
    return this.enqueue(async () => {
      try {
        await this.rawExec(`BEGIN IMMEDIATE;\n${statements.join(';\n')};\nCOMMIT;`)
      } catch (err) {
        // exec stops at the failing statement and leaves the transaction open; close it here,
        // inside this job, before the queue lets another write in.
        await this.rawExec('ROLLBACK').catch(() => undefined)
        throw err
      }
    })
  }

  exec(sql: string): Promise<void> {
    return this.enqueue(() => this.rawExec(sql))
  }

  /** Closes after the writes queued so far; every later call rejects with DatabaseClosedError. */
  close(): Promise<void> {
    if (this.closing) return Promise.reject(new DatabaseClosedError())
    this.closing = true
    return this.queue(
      () =>
        new Promise<void>((resolve, reject) => {
          this.closed = true
          this.db.close((err) => (err ? reject(err) : resolve()))
        }),
    )
  }

  private enqueue<T>(job: () => Promise<T>): Promise<T> {
    if (this.closing) return Promise.reject(new DatabaseClosedError())
    return this.queue(job)
  }

  private queue<T>(job: () => Promise<T>): Promise<T> {
    const result = this.writeQueue.then(job, job)
    this.writeQueue = result.catch(() => undefined)
    return result
  }

  private rawRun(sql: string, params: Params): Promise<{ changes: number }> {
    return new Promise((resolve, reject) => {
      this.db.run(sql, params, function (err) {
        if (err) reject(err)
        else resolve({ changes: this.changes })
      })
    })
  }

  private rawExec(sql: string): Promise<void> {
    return new Promise((resolve, reject) =>
      this.db.exec(sql, (err) => (err ? reject(err) : resolve())),
    )
  }
}
