import type { DocumentInfo, VersionInfo } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

describe('draft → review → final', () => {
  let t: TestServer
  beforeAll(async () => {
    t = await newTestServer()
  })
  afterAll(() => t.close())

  it('finalizing keeps the agreed text as a named version and says who finalized it', async () => {
    const member = await t.newUser('member')
    const coordinator = await t.newUser('coordinator', 'Координатор')
    const admin = await t.adminCookie()
    const docId = await t.newDocument(member.cookie, 'Декларация')
    const a = newTestClient(t.wsUrl, docId, member.cookie)
    await a.synced()
    a.type('Согласованный текст')
    await new Promise((r) => setTimeout(r, 100))

    const review = await t.api<DocumentInfo>('PATCH', `/api/documents/${docId}`, {
      cookie: coordinator.cookie,
      body: { status: 'review' },
    })
    expect(review.body).toMatchObject({
      status: 'review',
      statusChangedBy: { id: coordinator.user.id, name: 'Координатор' },
    })
    const final = await t.api<DocumentInfo>('PATCH', `/api/documents/${docId}`, {
      cookie: admin,
      body: { status: 'final' },
    })
    expect(final.body).toMatchObject({ status: 'final', statusChangedBy: { name: 'Secretariat' } })

    const listed = await t.api<{ versions: VersionInfo[] }>(
      'GET',
      `/api/documents/${docId}/versions`,
      {
        cookie: member.cookie,
      },
    )
    expect(listed.body.versions[0]).toMatchObject({ name: 'Final', kind: 'named' })
    const read = await t.api<{ content: { content: { content: { text: string }[] }[] } }>(
      'GET',
      `/api/documents/${docId}/versions/${listed.body.versions[0]?.id}`,
      { cookie: member.cookie },
    )
    expect(read.body.content.content[0]?.content[0]?.text).toBe('Согласованный текст')

    // Read-only for everyone, the secretariat too, until reopened.
    a.type('поздняя правка')
    const check = newTestClient(t.wsUrl, docId, admin)
    await check.synced()
    await new Promise((r) => setTimeout(r, 300))
    expect(check.text()).toBe('Согласованный текст')
    const reopened = await t.api<DocumentInfo>('PATCH', `/api/documents/${docId}`, {
      cookie: admin,
      body: { status: 'draft' },
    })
    expect(reopened.body.status).toBe('draft')
    check.type('после открытия')
    await vi.waitFor(() => expect(a.text()).toContain('после открытия'))
    a.destroy()
    check.destroy()
  })
})
