import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Role } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createLogger } from '../../src/logger.js'
import { DocumentCatalog } from '../../src/store/DocumentCatalog.js'
import { openStorage, type Storage } from '../../src/store/openStorage.js'
import { UserStore } from '../../src/store/UserStore.js'
import { freshPostgresDatabase, POSTGRES_URL } from '../utils/postgres.js'

const engines = [
  {
    name: 'SQLite',
    available: true,
    async open() {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'accord-catalog-'))
      const storage = await openStorage({ databaseUrl: undefined, dataDir }, createLogger('silent'))
      return { storage, cleanup: async () => fs.rmSync(dataDir, { recursive: true, force: true }) }
    },
  },
  {
    name: 'PostgreSQL',
    available: POSTGRES_URL !== undefined,
    async open() {
      const database = await freshPostgresDatabase()
      const storage = await openStorage(
        { databaseUrl: database.url, dataDir: '' },
        createLogger('silent'),
      )
      return { storage, cleanup: () => database.drop() }
    },
  },
]

for (const engine of engines) {
  describe.skipIf(!engine.available)(`DocumentCatalog on ${engine.name}`, () => {
    let storage: Storage
    let cleanup: () => Promise<void>
    beforeAll(async () => {
      ;({ storage, cleanup } = await engine.open())
    })
    afterAll(async () => {
      await storage?.close()
      await cleanup?.()
    })

    it('writes a rename or a move only while the status is still the one that was checked', async () => {
      const user = await new UserStore(storage.db).create({
        email: 'editor@example.org',
        name: 'Editor',
        role: Role.secretariat,
        passwordHash: null,
      })
      const catalog = new DocumentCatalog(storage.db)
      const doc = await catalog.create('Устав', user?.id as string)
      // A rename checked against "draft" arrives after someone finalized: it is not written.
      expect(
        await catalog.update(doc.id, 'draft', { status: 'final' }, doc.createdBy),
      ).toMatchObject({ status: 'final' })
      expect(await catalog.update(doc.id, 'draft', { title: 'Renamed late' }, doc.createdBy)).toBe(
        undefined,
      )
      expect(await catalog.get(doc.id)).toMatchObject({ title: 'Устав', status: 'final' })
      // Checked against what it is now, it goes through.
      expect(
        await catalog.update(doc.id, 'final', { status: 'draft' }, doc.createdBy),
      ).toMatchObject({ status: 'draft', title: 'Устав' })
      expect(
        await catalog.update(doc.id, 'draft', { title: 'Устав, ред. 2' }, doc.createdBy),
      ).toMatchObject({ status: 'draft', title: 'Устав, ред. 2' })
    })
  })
}
