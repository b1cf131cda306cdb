import type { AuditEntry, EditsPerDay } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { paragraphs } from './utils/paragraphs.js'

describe('activity: the audit log read back', () => {
  let t: TestServer
  let member: { cookie: string; user: { id: string } }
  let docId: string
  beforeAll(async () => {
    t = await newTestServer()
    member = await t.newUser('member', 'Мария')
    docId = await t.newDocument(member.cookie, 'Декларация')
    await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: member.cookie,
      body: { title: 'Декларация городов' },
    })
  })
  afterAll(() => t.close())

  it('shows a document’s activity, newest first, to everyone who can open it', async () => {
    const observer = await t.newUser('observer')
    const res = await t.api<{ entries: AuditEntry[] }>('GET', `/api/documents/${docId}/activity`, {
      cookie: observer.cookie,
    })
    expect(res.status).toBe(200)
    expect(res.body.entries.map((e) => e.action)).toEqual(['document.renamed', 'document.created'])
    expect(res.body.entries[0]).toMatchObject({
      user: { id: member.user.id, name: 'Мария' },
      document: { id: docId, title: 'Декларация городов' },
      details: { from: 'Декларация', to: 'Декларация городов' },
    })
  })

  it('counts edits per person and connection, not per keystroke, for the chart', async () => {
    const writer = await t.newUser('member', 'Пётр')
    const c = newTestClient(t.wsUrl, docId, writer.cookie)
    await c.synced()
    for (const line of ['один', 'два', 'три']) c.type(line)
    await vi.waitFor(() => expect(c.provider.synced).toBe(true))
    await new Promise((r) => setTimeout(r, 200))
    c.destroy()
    await vi.waitFor(async () => {
      const res = await t.api<{ entries: AuditEntry[]; editsPerDay: EditsPerDay[] }>(
        'GET',
        `/api/documents/${docId}/activity`,
        { cookie: writer.cookie },
      )
      const edited = res.body.entries.filter((e) => e.action === 'document.edited')
      expect(edited).toHaveLength(1)
      expect(edited[0]).toMatchObject({
        user: { name: 'Пётр' },
        details: { changes: expect.any(Number) },
      })
      expect(res.body.editsPerDay).toEqual([
        {
          day: new Date().toISOString().slice(0, 10),
          userId: writer.user.id,
          name: 'Пётр',
          changes: edited[0]?.details?.changes,
        },
      ])
    })
  })

  it('records no edit for opening a document and closing it without typing', async () => {
    const doc = await t.newDocument(member.cookie, 'Устав')
    const editors = async () => {
      const res = await t.api<{ entries: AuditEntry[] }>('GET', `/api/documents/${doc}/activity`, {
        cookie: member.cookie,
      })
      return res.body.entries
        .filter((e) => e.action === 'document.edited')
        .map((e) => e.user?.name)
        .sort()
    }
    const serverHas = (text: string) =>
      vi.waitFor(() => {
        const room = t.server.registry.loaded(doc)
        expect(room && paragraphs(room.doc)).toContain(text)
      })
    const reader = await t.newUser('member', 'Ольга')
    const opened = newTestClient(t.wsUrl, doc, reader.cookie)
    await opened.synced()
    opened.destroy()
    // Someone who had the document open comes back with their copy, deletions and all: their
    // provider's SyncStep2 then holds the whole delete set, which changes nothing here.
    const returning = await t.newUser('member', 'Борис')
    const first = newTestClient(t.wsUrl, doc, returning.cookie)
    await first.synced()
    first.type('лишнее')
    first.fragment.delete(first.fragment.length - 1, 1)
    first.type('остаётся')
    await serverHas('остаётся')
    first.provider.destroy()
    const again = newTestClient(t.wsUrl, doc, returning.cookie, first.doc)
    await again.synced()
    again.destroy()
    const typist = await t.newUser('member', 'Вера')
    const typing = newTestClient(t.wsUrl, doc, typist.cookie)
    await typing.synced()
    typing.type('новый пункт')
    await serverHas('новый пункт')
    typing.destroy()
    // Nobody left: every connection's close was handled, and its edit (if any) recorded.
    await vi.waitFor(() => expect(t.server.registry.loaded(doc)?.connections.size).toBe(0))
    await vi.waitFor(async () => expect(await editors()).toEqual(['Борис', 'Вера']))
  })

  it('shows the whole installation to the secretariat only, page by page', async () => {
    expect((await t.api('GET', '/api/activity', { cookie: member.cookie })).status).toBe(403)
    const admin = await t.adminCookie()
    const first = await t.api<{ entries: AuditEntry[] }>('GET', '/api/activity?limit=2', {
      cookie: admin,
    })
    expect(first.body.entries).toHaveLength(2)
    const next = await t.api<{ entries: AuditEntry[] }>(
      'GET',
      `/api/activity?limit=100&before=${first.body.entries[1]?.id}`,
      { cookie: admin },
    )
    const actions = [...first.body.entries, ...next.body.entries].map((e) => e.action)
    expect(actions).toContain('session.signIn')
    expect(actions).toContain('user.created')
    expect(new Set([...first.body.entries, ...next.body.entries].map((e) => e.id)).size).toBe(
      actions.length,
    )
  })

  it('refuses bad paging and unknown documents', async () => {
    expect(
      (await t.api('GET', '/api/activity?limit=100000', { cookie: await t.adminCookie() })).status,
    ).toBe(400)
    expect(
      (await t.api('GET', '/api/documents/nope/activity', { cookie: member.cookie })).status,
    ).toBe(404)
  })
})
