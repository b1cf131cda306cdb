import path from 'node:path'
import * as prng from 'lib0/prng'
import { describe, expect, it } from 'vitest'
import { backup } from '../../src/backup.js'
import { newTestClient } from '../utils/newTestClient.js'
import { newTestServer } from '../utils/newTestServer.js'
import { reportFigure } from './support/figures.js'
import { integrityCheck, paragraphs, storedDoc, withConnection } from './support/sqliteFile.js'

describe('npm run backup', () => {
  it('writes a consistent copy while the server runs and clients edit', async () => {
    const t = await newTestServer()
    const { cookie } = await t.newUser('member')
    const docId = await t.newDocument(cookie, 'Резервная копия')
    const a = newTestClient(t.wsUrl, docId, cookie)
    let typing = true
    try {
      await a.synced()
      a.type('в копии')
      // Keep writing during the backup: the copy must still be one consistent moment.
      const gen = prng.create(1)
      const typist = (async () => {
        for (let i = 0; typing; i++) {
          a.type(`строка ${i}`)
          await new Promise((r) => setTimeout(r, prng.int32(gen, 1, 10)))
        }
      })()
      await new Promise((r) => setTimeout(r, 100))
      const started = performance.now()
      const out = await backup(t.dataDir, path.join(t.dataDir, 'copy.sqlite'))
      const backupMs = performance.now() - started
      typing = false
      await typist
      expect(await integrityCheck(out)).toBe('ok')
      const titles = await withConnection(out, (c) =>
        c.all<{ title: string }>('SELECT title FROM documents'),
      )
      expect(titles).toEqual([{ title: 'Резервная копия' }])
      const copied = paragraphs(await storedDoc(out, docId))
      // A prefix of what was typed, in order: no torn write, nothing from after the snapshot half-present.
      expect(copied[0]).toBe('в копии')
      expect(copied.slice(1)).toEqual(copied.slice(1).map((_, i) => `строка ${i}`))
      await expect(backup(t.dataDir, out)).rejects.toThrow(/exists already/)
      reportFigure('operations backup', {
        integrity: 'ok',
        paragraphsInCopy: copied.length,
        backupMs: Math.round(backupMs),
      })
    } finally {
      typing = false
      a.destroy()
      await t.close()
    }
  })
})
