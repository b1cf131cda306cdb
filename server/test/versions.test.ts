import type { VersionInfo } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer } from './utils/newTestServer.js'
import { useTestServer } from './utils/useTestServer.js'

describe('versions: snapshot, read, restore', () => {
  const t = useTestServer({ AUTO_VERSION_SECONDS: '3600' })
  const versions = async (docId: string, cookie: string) =>
    (
      await t.api<{ versions: VersionInfo[] }>('GET', `/api/documents/${docId}/versions`, {
        cookie,
      })
    ).body.versions

  it('a coordinator names a version; everyone can list and read it; a member cannot make one', async () => {
    const coordinator = await t.newUser('coordinator', 'Coordinator')
    const member = await t.newUser('member')
    const observer = await t.newUser('observer')
    const docId = await t.newDocument(member.cookie)
    const m = t.client(docId, member.cookie)
    await m.synced()
    m.type('Проект 2')
    await vi.waitFor(async () => {
      const res = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
        cookie: coordinator.cookie,
        body: { name: 'Draft 2', note: 'для обсуждения' },
      })
      expect(res.status).toBe(201)
      const read = await t.api<{ content: { content: { content: { text: string }[] }[] } }>(
        'GET',
        `/api/documents/${docId}/versions/${res.body.id}`,
        { cookie: observer.cookie },
      )
      expect(read.body.content.content[0]?.content[0]?.text).toBe('Проект 2')
    })
    const listed = await versions(docId, observer.cookie)
    expect(listed[0]).toMatchObject({
      name: 'Draft 2',
      note: 'для обсуждения',
      kind: 'named',
      author: { id: coordinator.user.id, name: 'Coordinator' },
    })
    const denied = await t.api('POST', `/api/documents/${docId}/versions`, {
      cookie: member.cookie,
      body: { name: 'mine' },
    })
    expect(denied.status).toBe(403)
  })

  it('refuses a 10 KB name, unknown versions and documents, changing nothing', async () => {
    const coordinator = await t.newUser('coordinator')
    const docId = await t.newDocument(coordinator.cookie)
    const long = await t.api('POST', `/api/documents/${docId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'x'.repeat(10 * 1024) },
    })
    expect(long.status).toBe(400)
    expect(await versions(docId, coordinator.cookie)).toEqual([])
    expect(
      (await t.api('GET', `/api/documents/${docId}/versions/nope`, { cookie: coordinator.cookie }))
        .status,
    ).toBe(404)
    const restore = await t.api('POST', `/api/documents/${docId}/versions/nope/restore`, {
      cookie: coordinator.cookie,
      body: {},
    })
    expect(restore.status).toBe(404)
    expect(
      (await t.api('GET', '/api/documents/nope/versions', { cookie: coordinator.cookie })).status,
    ).toBe(404)
  })

  it('restore writes the old text as a new change that two connected clients receive, saving the current text first', async () => {
    const coordinator = await t.newUser('coordinator')
    const member = await t.newUser('member')
    const docId = await t.newDocument(member.cookie)
    const a = t.client(docId, member.cookie)
    const b = t.client(docId, coordinator.cookie)
    await Promise.all([a.synced(), b.synced()])
    a.type('Статья 1. Первая редакция.')
    await vi.waitFor(() => expect(b.text()).toBe('Статья 1. Первая редакция.'))
    const v1 = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'Draft 1' },
    })
    a.type('Статья 2. Добавлено позже.')
    await vi.waitFor(() => expect(b.fragment.length).toBe(2))

    const denied = await t.api('POST', `/api/documents/${docId}/versions/${v1.body.id}/restore`, {
      cookie: member.cookie,
      body: {},
    })
    expect(denied.status).toBe(403)

    const restored = await t.api<{ savedAs: VersionInfo }>(
      'POST',
      `/api/documents/${docId}/versions/${v1.body.id}/restore`,
      {
        cookie: coordinator.cookie,
        body: {},
      },
    )
    expect(restored.status).toBe(200)
    await vi.waitFor(() => {
      expect(a.text()).toBe('Статья 1. Первая редакция.')
      expect(b.text()).toBe('Статья 1. Первая редакция.')
    })
    const listed = await versions(docId, member.cookie)
    expect(listed.map((v) => v.name)).toEqual(['Before restore of “Draft 1”', 'Draft 1'])
    // The text before the restore is kept in that version.
    const saved = await t.api<{ content: { content: unknown[] } }>(
      'GET',
      `/api/documents/${docId}/versions/${restored.body.savedAs.id}`,
      { cookie: member.cookie },
    )
    expect(saved.body.content.content).toHaveLength(2)
    // History moved forward: the restore is stored like any change.
    await t.restart()
    const fresh = t.client(docId, member.cookie)
    await fresh.synced()
    await vi.waitFor(() => expect(fresh.text()).toBe('Статья 1. Первая редакция.'))
  })

  it('a final document cannot be restored', async () => {
    const admin = await t.adminCookie()
    const docId = await t.newDocument(admin)
    const v = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
      cookie: admin,
      body: { name: 'x' },
    })
    await t.api('PATCH', `/api/documents/${docId}`, { cookie: admin, body: { status: 'final' } })
    const res = await t.api('POST', `/api/documents/${docId}/versions/${v.body.id}/restore`, {
      cookie: admin,
      body: {},
    })
    expect(res.status).toBe(409)
  })
})

describe('automatic versions', () => {
  /** A test server with automatic versions every `seconds`, a member and a new document. */
  const newAutoVersionServer = async (seconds: number) => {
    const t = await newTestServer({ AUTO_VERSION_SECONDS: String(seconds) })
    const member = await t.newUser('member')
    const docId = await t.newDocument(member.cookie)
    const list = async () =>
      (
        await t.api<{ versions: VersionInfo[] }>('GET', `/api/documents/${docId}/versions`, {
          cookie: member.cookie,
        })
      ).body.versions
    return { t, member, docId, list }
  }

  it('keeps one during activity (short interval), and none while nothing changes', async () => {
    const { t, member, docId, list } = await newAutoVersionServer(1)
    try {
      const a = newTestClient(t.wsUrl, docId, member.cookie)
      await a.synced()
      a.type('первая правка')
      await vi.waitFor(
        async () => expect((await list()).filter((v) => v.kind === 'auto')).toHaveLength(1),
        { timeout: 5000 },
      )
      // Labelled by who edited and how much: each typed character is one change.
      expect((await list())[0]).toMatchObject({
        editors: [{ id: member.user.id, name: member.user.name }],
        origin: null,
      })
      expect((await list())[0]?.changes).toBeGreaterThanOrEqual('первая правка'.length)
      // No change, no new version.
      await new Promise((r) => setTimeout(r, 1500))
      expect(await list()).toHaveLength(1)
      a.destroy()
    } finally {
      await t.close()
    }
  })

  // An interval far longer than the test, so that only leaving keeps a version: with a short
  // one, an interval's tick between the two people's edits would keep one of its own.
  it('keeps one when the last editor leaves, with what everyone did since the one before', async () => {
    const { t, member, docId, list } = await newAutoVersionServer(600)
    try {
      const first = newTestClient(t.wsUrl, docId, member.cookie)
      await first.synced()
      // Leaving keeps the first version, from which the second one's changes are counted.
      first.type('первая правка')
      first.destroy()
      await vi.waitFor(async () => expect(await list()).toHaveLength(1), { timeout: 5000 })

      const a = newTestClient(t.wsUrl, docId, member.cookie)
      await a.synced()
      const other = await t.newUser('member', 'Second Editor')
      const b = newTestClient(t.wsUrl, docId, other.cookie)
      await b.synced()
      b.type('ещё')
      a.type('последняя правка')
      await vi.waitFor(() => expect(b.text()).toContain('последняя правка'))
      await vi.waitFor(() => expect(a.text()).toContain('ещё'))
      a.destroy()
      b.destroy()
      await vi.waitFor(async () => expect(await list()).toHaveLength(2), { timeout: 5000 })
      const [newest] = await list()
      expect(newest).toMatchObject({ kind: 'auto', author: null })
      // Only the edits since the first automatic version, by both people.
      expect(newest?.editors.map((e) => e.name).sort()).toEqual(
        [member.user.name, 'Second Editor'].sort(),
      )
      expect(newest?.changes).toBeGreaterThanOrEqual('ещёпоследняя правка'.length)
      expect(newest?.changes).toBeLessThan('ещёпоследняя правка'.length + 10)
      const read = await t.api<{ content: { content: unknown[] } }>(
        'GET',
        `/api/documents/${docId}/versions/${newest?.id}`,
        { cookie: member.cookie },
      )
      // One paragraph per `type` call: the first automatic version's, then the two people's.
      expect(read.body.content.content).toHaveLength(3)
    } finally {
      await t.close()
    }
  })
})

describe('GET /api/documents/:id/diff', () => {
  it('compares a version with the current text, and refuses unknown versions', async () => {
    const t = await newTestServer()
    try {
      const coordinator = await t.newUser('coordinator')
      const docId = await t.newDocument(coordinator.cookie)
      const a = newTestClient(t.wsUrl, docId, coordinator.cookie)
      await a.synced()
      a.type('Каждый имеет право на доступ.')
      await vi.waitFor(() => expect(a.provider.synced).toBe(true))
      await new Promise((r) => setTimeout(r, 100))
      const v = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
        cookie: coordinator.cookie,
        body: { name: 'Draft 1' },
      })
      const paragraph = a.fragment.get(0) as Y.XmlElement
      ;(paragraph.get(0) as Y.XmlText).insert('Каждый '.length, 'гражданин ')
      await vi.waitFor(async () => {
        const diff = await t.api<{
          units: { key: string; body: { type: string; text: string }[] }[]
        }>('GET', `/api/documents/${docId}/diff?from=${v.body.id}&to=current`, {
          cookie: coordinator.cookie,
        })
        expect(diff.status).toBe(200)
        const preface = diff.body.units.find((u) => u.key === 'preface')
        expect(preface?.body.filter((c) => c.type === 'insert').map((c) => c.text.trim())).toEqual([
          'гражданин',
        ])
      })
      const unknown = await t.api('GET', `/api/documents/${docId}/diff?from=nope&to=current`, {
        cookie: coordinator.cookie,
      })
      expect(unknown.status).toBe(404)
      const malformed = await t.api('GET', `/api/documents/${docId}/diff?from=../x`, {
        cookie: coordinator.cookie,
      })
      expect(malformed.status).toBe(400)
      a.destroy()
    } finally {
      await t.close()
    }
  })
})
