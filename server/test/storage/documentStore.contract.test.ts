import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Role } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { createLogger } from '../../src/logger.js'
import type { Database } from '../../src/store/Database.js'
import { DocumentCatalog } from '../../src/store/DocumentCatalog.js'
import type { DocumentStore } from '../../src/store/DocumentStore.js'
import { openStorage, type Storage } from '../../src/store/openStorage.js'
import { PostgresDatabase } from '../../src/store/postgres/PostgresDatabase.js'
import { SqlDocumentStore } from '../../src/store/SqlDocumentStore.js'
import { DATABASE_FILE } from '../../src/store/sqlite/openSqlite.js'
import { SqliteDatabase } from '../../src/store/sqlite/SqliteDatabase.js'
import { UserStore } from '../../src/store/UserStore.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'

/**
 * The contract every DocumentStore keeps, run against SQLite and PostgreSQL alike. "A second
 * writer" is another connection to the same database: another instance, for PostgreSQL.
 */
interface Engine {
  name: string
  available: boolean
  /** The storage, and a way to open a second, independent connection to it. */
  open(): Promise<{ storage: Storage; second(): Promise<Database>; cleanup(): Promise<void> }>
}

const logger = createLogger('silent')

const engines: Engine[] = [
  {
    name: 'SQLite',
    available: true,
    async open() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-contract-'))
      const storage = await openStorage({ databaseUrl: undefined, dataDir }, logger)
      return {
        storage,
        async second() {
          const db = await SqliteDatabase.open(path.join(dataDir, DATABASE_FILE))
          await db.exec('PRAGMA busy_timeout = 5000')
          return db
        },
        async cleanup() {
          fs.rmSync(dataDir, { recursive: true, force: true })
        },
      }
    },
  },
  {
    name: 'PostgreSQL',
    available: POSTGRES_URL !== undefined,
    async open() {
      const database = await freshPostgresDatabase()
      const storage = await openStorage({ databaseUrl: database.url, dataDir: '' }, logger)
      return {
        storage,
        second: async () => PostgresDatabase.connect(database.url, () => undefined),
        cleanup: () => database.drop(),
      }
    },
  },
]

/** A Y.Doc holding `texts` as paragraphs, the way the editor stores them. */
const paragraphUpdate = (doc: Y.Doc, text: string): Uint8Array => {
  let update: Uint8Array | undefined
  const capture = (u: Uint8Array) => {
    update = u
  }
  doc.on('update', capture)
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  doc.getXmlFragment('default').push([paragraph])
  doc.off('update', capture)
  return update as Uint8Array
}

const textOf = (updates: readonly Uint8Array[]): string[] => {
  const doc = new Y.Doc()
  for (const u of updates) Y.applyUpdate(doc, u)
  const texts = doc
    .getXmlFragment('default')
    .toArray()
    .map((p) => ((p as Y.XmlElement).get(0) as Y.XmlText).toString())
  doc.destroy()
  return texts
}

for (const engine of engines) {
  describe.skipIf(!engine.available)(`DocumentStore on ${engine.name}`, () => {
    let opened: Awaited<ReturnType<Engine['open']>>
    let store: DocumentStore
    let catalog: DocumentCatalog
    let userId: string

    beforeAll(async () => {
      opened = await engine.open()
      store = new SqlDocumentStore(opened.storage.db)
      catalog = new DocumentCatalog(opened.storage.db)
      const user = await new UserStore(opened.storage.db).create({
        email: 'writer@example.org',
        name: 'Writer',
        role: Role.member,
        passwordHash: null,
      })
      userId = user?.id as string
    })

    afterAll(async () => {
      await opened.storage.close()
      await opened.cleanup()
    })

    const newDocument = async () => (await catalog.create('Contract', userId)).id

    it('holds nothing for a document never written', async () => {
      const id = await newDocument()
      expect(await store.load(id)).toEqual({ updates: [], logLength: 0 })
    })

    it('gives back appended updates, oldest first, and marks the document changed', async () => {
      const id = await newDocument()
      const before = (await catalog.get(id))?.updatedAt as string
      const doc = new Y.Doc()
      await new Promise((resolve) => setTimeout(resolve, 5))
      for (const text of ['one', 'two', 'three']) await store.append(id, paragraphUpdate(doc, text))
      const stored = await store.load(id)
      expect(stored.logLength).toBe(3)
      expect(textOf(stored.updates)).toEqual(['one', 'two', 'three'])
      expect(((await catalog.get(id))?.updatedAt as string) > before).toBe(true)
    })

    it('writes appends to several documents together; one that cannot be written fails alone', async () => {
      const x = await newDocument()
      const y = await newDocument()
      const doc = new Y.Doc()
      const results = await Promise.allSettled([
        store.append(x, paragraphUpdate(doc, 'for x')),
        store.append('no-such-document', paragraphUpdate(doc, 'for nobody')),
        store.append(y, paragraphUpdate(doc, 'for y')),
      ])
      expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
      expect((await store.load(x)).logLength).toBe(1)
      expect((await store.load(y)).logLength).toBe(1)
    })

    it('writes one tick of appends for more documents than one statement holds, each to its own log and marked changed', async () => {
      // 1,100 rows: three batched statements of at most 500 rows each.
      const ids = await Promise.all(Array.from({ length: 550 }, () => newDocument()))
      const before = (await catalog.get(ids[0] as string))?.updatedAt as string
      await new Promise((resolve) => setTimeout(resolve, 5))
      const appends = ids.flatMap((id, i) => {
        const doc = new Y.Doc()
        return [
          store.append(id, paragraphUpdate(doc, `first ${i}`)),
          store.append(id, paragraphUpdate(doc, `second ${i}`)),
        ]
      })
      await Promise.all(appends)
      for (const [i, id] of ids.entries()) {
        expect(textOf((await store.load(id)).updates)).toEqual([`first ${i}`, `second ${i}`])
      }
      expect(((await catalog.get(ids[549] as string))?.updatedAt as string) > before).toBe(true)
    }, 120_000)

    it('compacts the log into one state that holds the same text, without deleted content', async () => {
      const id = await newDocument()
      const doc = new Y.Doc()
      await store.append(id, paragraphUpdate(doc, 'kept'))
      const text = (doc.getXmlFragment('default').get(0) as Y.XmlElement).get(0) as Y.XmlText
      const written: Uint8Array[] = []
      const capture = (u: Uint8Array) => written.push(u)
      doc.on('update', capture)
      // Typing and deleting a long passage many times: the state must not keep it.
      for (let i = 0; i < 50; i++) {
        text.insert(4, ' a passage that is deleted again'.repeat(10))
        text.delete(4, text.length - 4)
      }
      doc.off('update', capture)
      for (const u of written) await store.append(id, u)
      const logBytes = written.reduce((n, u) => n + u.byteLength, 0)
      await store.compact(id)
      const stored = await store.load(id)
      expect(stored.logLength).toBe(0)
      expect(stored.updates).toHaveLength(1)
      expect(textOf(stored.updates)).toEqual(['kept'])
      expect(stored.updates[0]?.byteLength).toBeLessThan(logBytes / 10)
      // Compacting again with nothing new changes nothing.
      await store.compact(id)
      expect(textOf((await store.load(id)).updates)).toEqual(['kept'])
    })

    it('keeps every update appended while a compaction runs, from this writer and a second one', async () => {
      const id = await newDocument()
      const secondDb = await opened.second()
      const second = new SqlDocumentStore(secondDb)
      try {
        const docA = new Y.Doc()
        const docB = new Y.Doc()
        const expected: string[] = []
        for (let i = 0; i < 20; i++) {
          expected.push(`seed ${i}`)
          await store.append(id, paragraphUpdate(docA, `seed ${i}`))
        }
        const writes: Promise<void>[] = []
        for (let i = 0; i < 40; i++) {
          expected.push(`a ${i}`, `b ${i}`)
          writes.push(store.append(id, paragraphUpdate(docA, `a ${i}`)))
          writes.push(second.append(id, paragraphUpdate(docB, `b ${i}`)))
          if (i % 10 === 0) writes.push(store.compact(id), second.compact(id))
        }
        await Promise.all(writes)
        await Promise.all([store.compact(id), second.compact(id)])
        const stored = await store.load(id)
        expect(stored.logLength).toBe(0)
        expect(textOf(stored.updates).sort()).toEqual(expected.sort())
      } finally {
        await secondDb.close()
      }
    })

    it('reads one consistent snapshot while the other writer compacts', async () => {
      const id = await newDocument()
      const secondDb = await opened.second()
      const second = new SqlDocumentStore(secondDb)
      try {
        const doc = new Y.Doc()
        for (let i = 0; i < 30; i++) await store.append(id, paragraphUpdate(doc, `p${i}`))
        const reads = await Promise.all([
          store.load(id),
          second.compact(id),
          store.load(id),
          store.load(id),
        ])
        for (const read of [reads[0], reads[2], reads[3]]) {
          expect(textOf((read as { updates: Uint8Array[] }).updates)).toHaveLength(30)
        }
      } finally {
        await secondDb.close()
      }
    })
  })
}
