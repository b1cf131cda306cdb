import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { SqliteDatabase } from './SqliteDatabase.js'
import { sqliteBlob, sqliteText } from './sqliteLiterals.js'

describe('values written into a SQLite script as literals', () => {
  let dir: string
  let db: SqliteDatabase
  beforeEach(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-literals-'))
    db = await SqliteDatabase.open(path.join(dir, 'test.sqlite'))
    await db.exec('CREATE TABLE t (name TEXT NOT NULL UNIQUE, data BLOB)')
  })
  afterEach(async () => {
    await db.close()
    fs.rmSync(dir, { recursive: true, force: true })
  })

  it('stay one value whatever they hold', async () => {
    const hostile = `x'); DROP TABLE t; --\n"; ' ' \\' é ж 😀`
    const bytes = new Uint8Array(256).map((_, i) => i)
    await db.transactionScript?.([
      `INSERT INTO t (name, data) VALUES (${sqliteText(hostile)}, ${sqliteBlob(bytes.subarray(3, 200))})`,
    ])
    const row = await db.get<{ name: string; data: Buffer }>('SELECT name, data FROM t')
    expect(row?.name).toBe(hostile)
    expect([...(row?.data ?? [])]).toEqual([...bytes.subarray(3, 200)])
  })

  it('refuse text with a NUL, which would end the script early', () => {
    expect(() => sqliteText('a\0b')).toThrow(/NUL/)
  })

  it('roll the whole script back when one statement fails, and leave no transaction open', async () => {
    await expect(
      db.transactionScript?.([
        `INSERT INTO t (name) VALUES (${sqliteText('first')})`,
        `INSERT INTO t (name) VALUES (${sqliteText('first')})`,
      ]),
    ).rejects.toThrow(/UNIQUE/)
    expect(await db.all('SELECT name FROM t')).toEqual([])
    // A later write commits on its own: the failed script's transaction did not stay open.
    await db.run('INSERT INTO t (name) VALUES (?)', ['second'])
    expect(await db.all('SELECT name FROM t')).toEqual([{ name: 'second' }])
  })
})
