import type { VersionInfo } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { reportFigure } from './reliability/support/figures.js'
import { serverDatabase } from './reliability/support/serverDatabase.js'
import type { TestClient } from './utils/newTestClient.js'
import { paragraphs } from './utils/paragraphs.js'
import { storedVersionDocs } from './utils/storedVersions.js'
import { useTestServer } from './utils/useTestServer.js'

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** True when the item with `id` is in `doc` and not deleted: its text is there to read. */
const visibleIn = (doc: Y.Doc, id: Y.ID): boolean => {
  if (Y.getState(doc.store, id.client) <= id.clock) return false
  const struct = Y.getItem(doc.store, id)
  return struct instanceof Y.Item && !struct.deleted
}

/** Every line `c` appends, one paragraph per line in one change, every `everyMs`. */
const appendLines = (c: TestClient, name: string, everyMs: number) => {
  const lines: string[] = []
  const timer = setInterval(() => {
    const line = `${name}-${lines.length}`
    c.type(line)
    lines.push(line)
  }, everyMs)
  return { lines, stop: () => clearInterval(timer) }
}

/**
 * A person typing lines character by character at the end of their own paragraph, as in the
 * editor; when a restore takes their paragraph away they go on in a new one. Returns the Yjs
 * id of every character typed, so each can be looked for wherever it may have ended up.
 */
const typeCharacters = (c: TestClient, everyMs: number) => {
  const typed: Y.ID[] = []
  const line = 'Статья пятая'
  let text: Y.XmlText | null = null
  let at = 0
  const timer = setInterval(() => {
    c.doc.transact(() => {
      if (!text || text._item?.deleted) {
        const paragraph = new Y.XmlElement('paragraph')
        text = new Y.XmlText()
        paragraph.insert(0, [text])
        c.fragment.insert(c.fragment.length, [paragraph])
      }
      typed.push(Y.createID(c.doc.clientID, Y.getState(c.doc.store, c.doc.clientID)))
      text.insert(text.length, line[at] as string)
    })
    at = (at + 1) % line.length
    if (at === 0) text = null
  }, everyMs)
  return { typed, stop: () => clearInterval(timer) }
}

describe('restoring versions while members type', () => {
  const t = useTestServer({ AUTO_VERSION_SECONDS: '3600' })

  it('keeps every line and character: in the live text or in a "Before restore" version', async () => {
    const coordinator = await t.newUser('coordinator')
    const members = await Promise.all([1, 2, 3].map(() => t.newUser('member')))
    const docId = await t.newDocument(coordinator.cookie)
    const [a, b, c] = members.map((m) => t.client(docId, m.cookie)) as [
      TestClient,
      TestClient,
      TestClient,
    ]
    await Promise.all([a.synced(), b.synced(), c.synced()])

    const appenders = [appendLines(a, 'A', 20), appendLines(b, 'B', 20)]
    const typist = typeCharacters(c, 20)
    const api = (path: string, body: unknown) =>
      t.api<VersionInfo & { savedAs: VersionInfo }>('POST', `/api/documents/${docId}${path}`, {
        cookie: coordinator.cookie,
        body,
      })
    const versions: VersionInfo[] = []
    for (const name of ['V1', 'V2', 'V3']) {
      await pause(250)
      const made = await api('/versions', { name })
      expect(made.status).toBe(201)
      versions.push(made.body)
    }
    const [v1, v2, v3] = versions as [VersionInfo, VersionInfo, VersionInfo]
    for (const version of [v1, v3, v2, v1, v3]) {
      await pause(120)
      expect((await api(`/versions/${version.id}/restore`, {})).status).toBe(200)
    }
    await pause(150)
    for (const typing of [...appenders, typist]) typing.stop()

    // Everything each member's copy holds has reached the server.
    const watcher = t.client(docId, coordinator.cookie)
    await watcher.synced()
    await vi.waitFor(
      () => {
        for (const member of [a, b, c]) {
          const own = member.doc.clientID
          expect(Y.getState(watcher.doc.store, own)).toBe(Y.getState(member.doc.store, own))
        }
      },
      { timeout: 15_000 },
    )

    const lines = appenders.flatMap((typing) => typing.lines)
    let lostLines: string[] = []
    let lostCharacters: Y.ID[] = []
    try {
      await vi.waitFor(
        async () => {
          const before = await storedVersionDocs(t.dataDir, docId, 'Before restore')
          expect(before).toHaveLength(5)
          const kept = new Set([watcher.doc, ...before].flatMap((doc) => paragraphs(doc)))
          lostLines = lines.filter((line) => !kept.has(line))
          lostCharacters = typist.typed.filter(
            (id) => ![watcher.doc, ...before].some((doc) => visibleIn(doc, id)),
          )
          for (const doc of before) doc.destroy()
          expect(lostLines).toEqual([])
          expect(lostCharacters).toEqual([])
        },
        { timeout: 10_000 },
      )
    } finally {
      reportFigure('restore while typing', {
        restores: 5,
        lines: lines.length,
        lostLines: lostLines.length,
        characters: typist.typed.length,
        lostCharacters: lostCharacters.length,
      })
    }
    expect(lines.length).toBeGreaterThan(50)
    expect(typist.typed.length).toBeGreaterThan(25)
  })

  it('restores nothing when the text before it cannot be kept as a version', async () => {
    const coordinator = await t.newUser('coordinator')
    const docId = await t.newDocument(coordinator.cookie)
    const a = t.client(docId, coordinator.cookie)
    await a.synced()
    a.type('Статья 1.')
    const v1 = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'V1' },
    })
    a.type('Статья 2. Не терять.')
    await vi.waitFor(async () => {
      const current = await t.api<{ units: unknown[] }>(
        'GET',
        `/api/documents/${docId}/diff?from=${v1.body.id}&to=current`,
        { cookie: coordinator.cookie },
      )
      expect(JSON.stringify(current.body)).toContain('Не терять')
    })
    // The versions table refuses writes, as a full disk would refuse this one.
    const db = serverDatabase(t)
    await db.run(
      "CREATE TRIGGER refuse_versions BEFORE INSERT ON versions BEGIN SELECT RAISE(ABORT, 'disk full'); END",
    )
    const restored = await t.api('POST', `/api/documents/${docId}/versions/${v1.body.id}/restore`, {
      cookie: coordinator.cookie,
      body: {},
    })
    expect(restored.status).toBe(500)
    await db.run('DROP TRIGGER refuse_versions')
    const fresh = t.client(docId, coordinator.cookie)
    await fresh.synced()
    await vi.waitFor(() => expect(fresh.text()).toBe('Статья 1.\nСтатья 2. Не терять.'))
    expect(a.text()).toBe('Статья 1.\nСтатья 2. Не терять.')
  })

  it('adds an edit made before a restore but arriving after it to the "Before restore" version', async () => {
    const coordinator = await t.newUser('coordinator')
    const member = await t.newUser('member')
    const docId = await t.newDocument(coordinator.cookie)
    const a = t.client(docId, member.cookie)
    const watcher = t.client(docId, coordinator.cookie)
    await Promise.all([a.synced(), watcher.synced()])
    a.type('Статья 1.')
    await vi.waitFor(() => expect(watcher.text()).toBe('Статья 1.'))
    const v1 = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'V1' },
    })
    a.type('Статья 2. Черновик')
    await vi.waitFor(() => expect(watcher.text()).toBe('Статья 1.\nСтатья 2. Черновик'))

    // Typed while the restore is on its way, in the paragraph it is about to remove; the
    // client is reconnecting, so the edit arrives after the restore.
    a.provider.disconnect()
    const second = (a.fragment.get(1) as Y.XmlElement).get(0) as Y.XmlText
    second.insert(second.length, ' с дополнением')
    const restored = await t.api<{ savedAs: VersionInfo }>(
      'POST',
      `/api/documents/${docId}/versions/${v1.body.id}/restore`,
      { cookie: coordinator.cookie, body: {} },
    )
    expect(restored.status).toBe(200)
    a.provider.connect()

    await vi.waitFor(async () => {
      // Yjs drops the late words with the paragraph they were typed in…
      expect(watcher.text()).toBe('Статья 1.')
      expect(a.text()).toBe('Статья 1.')
      // …so the version of the text before the restore keeps them.
      const saved = await t.api<{ content: JSONContent }>(
        'GET',
        `/api/documents/${docId}/versions/${restored.body.savedAs.id}`,
        { cookie: coordinator.cookie },
      )
      expect(JSON.stringify(saved.body.content)).toContain('Статья 2. Черновик с дополнением')
    }, 10_000)
  })
})
