import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteDatabase } from './SqliteDatabase.js'

describe('statements run as one transaction on SQLite (one script, values as literals)', () => {
  let dir: string
  let db: SqliteDatabase
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-literals-'))
    db = await SqliteDatabase.open(path.join(dir, 'test.sqlite'))
    await db.exec('CREATE TABLE t (name TEXT NOT NULL UNIQUE, data BLOB, n, flag)')
  })
  afterEach(async () => {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('keep each value one value whatever it holds', async () => {
    const hostile = `x'); DROP TABLE t; --\n"; ' ' \\' é ж 😀 ?`
    const bytes = new Uint8Array(256).map((_, i) => i)
    await db.runInTransaction([
      {
        sql: 'INSERT INTO t (name, data, n, flag) VALUES (?, ?, ?, ?), (?, ?, ?, ?)',
        params: [hostile, bytes.subarray(3, 200), -2.5, true, '?', null, 2n ** 60n, false],
      },
    ])
    const rows = await db.all<{ name: string; data: Buffer | null; n: number; flag: number }>(
      'SELECT name, data, n, flag FROM t ORDER BY rowid',
    )
    expect(rows[0]?.name).toBe(hostile)
    expect([...(rows[0]?.data ?? [])]).toEqual([...bytes.subarray(3, 200)])
    expect(rows.map(({ name, n, flag }) => [name, n, flag])).toEqual([
      [hostile, -2.5, 1],
      ['?', 2 ** 60, 0],
    ])
    expect(rows[1]?.data).toBeNull()
  })

  it('leave a question mark inside quotes alone', async () => {
    await db.runInTransaction([{ sql: `INSERT INTO t (name, n) VALUES ('what?', ?)`, params: [1] }])
    expect(await db.all('SELECT name, n FROM t')).toEqual([{ name: 'what?', n: 1 }])
  })

  it('refuse text with a NUL, which would end the script early, and parameters that do not fit', async () => {
    const insert = 'INSERT INTO t (name) VALUES (?)'
    await expect(db.runInTransaction([{ sql: insert, params: ['a\0b'] }])).rejects.toThrow(/NUL/)
    await expect(db.runInTransaction([{ sql: insert, params: [] }])).rejects.toThrow(
      /placeholders than parameters/,
    )
    await expect(db.runInTransaction([{ sql: insert, params: ['a', 'b'] }])).rejects.toThrow(
      /parameters than placeholders/,
    )
    await expect(db.runInTransaction([{ sql: insert, params: [Number.NaN] }])).rejects.toThrow(
      /NaN/,
    )
    expect(await db.all('SELECT name FROM t')).toEqual([])
  })

  it('roll the whole script back when one statement fails, and leave no transaction open', async () => {
    const insert = { sql: 'INSERT INTO t (name) VALUES (?)', params: ['first'] }
    await expect(db.runInTransaction([insert, insert])).rejects.toThrow(/UNIQUE/)
    expect(await db.all('SELECT name FROM t')).toEqual([])
    // A later write commits on its own: the failed script's transaction did not stay open.
    await db.run('INSERT INTO t (name) VALUES (?)', ['second'])
    expect(await db.all('SELECT name FROM t')).toEqual([{ name: 'second' }])
  })
})
