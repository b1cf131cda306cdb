import sqlite3 from 'sqlite3'

import type { Database, Param, Params, Statement, Transaction } from '../Database.js'
import { DatabaseClosedError } from '../Database.js'

/*
 * A script (sqlite3's exec) takes no parameters, so `runInTransaction` writes each value into
 * its statement as a SQLite literal: text in single quotes with each quote doubled (SQLite has
 * no backslash escapes, so nothing else can end the literal), bytes as X'hex', numbers as
 * they are. Whatever a value holds, its literal is one value.
 */

const literal = (value: Param): string => {
  if (value === null) return 'NULL'
  switch (typeof value) {
    case 'string':
      // The script goes to SQLite as a C string: a NUL would end it there.
      if (value.includes('\0')) {
        throw new Error('a NUL character cannot be written as a SQLite literal')
      }
      return `'${value.replaceAll("'", "''")}'`
    case 'boolean':
      return value ? '1' : '0'
    case 'bigint':
      return value.toString()
    case 'number':
      if (!Number.isFinite(value)) throw new Error(`${value} cannot be written as a SQLite literal`)
      return String(value)
    default:
      return `X'${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}'`
  }
}

/** A `?` placeholder; quoted text and identifiers are matched whole, to be passed over. */
const PLACEHOLDER = /'[^']*(?:''[^']*)*'|"[^"]*(?:""[^"]*)*"|\?/g

/** `statement` with its parameters written in as literals. */
const withLiterals = ({ sql, params = [] }: Statement): string => {
  let next = 0
  const written = sql.replace(PLACEHOLDER, (match) => {
    if (match !== '?') return match
    if (next === params.length) throw new Error(`more placeholders than parameters in: ${sql}`)
    return literal(params[next++] as Param)
  })
  if (next < params.length) throw new Error(`more parameters than placeholders in: ${sql}`)
  return written
}

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

  /** One script, BEGIN IMMEDIATE to COMMIT, with the values written in as literals. */
  async runInTransaction(statements: readonly Statement[]): Promise<void> {
    const script = `BEGIN IMMEDIATE;\n${statements.map(withLiterals).join(';\n')};\nCOMMIT;`
    return this.enqueue(async () => {
      try {
        await this.rawExec(script)
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
