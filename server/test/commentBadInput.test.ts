import type { CommentThread } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { anchorOver } from './utils/anchors.js'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

describe('bad comment input: a clear 4xx, nothing stored', () => {
  let t: TestServer
  let cookie: string
  let docId: string
  let otherDocId: string
  let a: TestClient
  let b: TestClient
  let anchor: { start: string; end: string }

  beforeAll(async () => {
    t = await newTestServer()
    cookie = (await t.newUser('member')).cookie
    docId = await t.newDocument(cookie, 'Один')
    otherDocId = await t.newDocument(cookie, 'Другой')
    a = newTestClient(t.wsUrl, docId, cookie)
    b = newTestClient(t.wsUrl, otherDocId, cookie)
    await Promise.all([a.synced(), b.synced()])
    a.type('Текст первого документа')
    b.type('Текст второго документа')
    await new Promise((r) => setTimeout(r, 100))
    anchor = anchorOver(a.doc, 0, 5)
  })
  afterAll(async () => {
    a.destroy()
    b.destroy()
    await t.close()
  })

  const threadCount = async (id = docId) =>
    (await t.api<{ threads: CommentThread[] }>('GET', `/api/documents/${id}/comments`, { cookie }))
      .body.threads.length
  const post = (body: unknown, id = docId) =>
    t.api('POST', `/api/documents/${id}/comments`, { cookie, body })

  it('an empty body', async () => {
    expect((await post({ body: '   ', quote: 'Текст', anchor })).status).toBe(400)
    expect(await threadCount()).toBe(0)
  })

  it('a 100 KB body', async () => {
    const res = await post({ body: 'я'.repeat(100 * 1024), quote: 'Текст', anchor })
    expect([400, 413]).toContain(res.status)
    expect(await threadCount()).toBe(0)
  })

  it('an anchor made in another document', async () => {
    const foreign = anchorOver(b.doc, 0, 5)
    const res = await post({ body: 'не туда', quote: 'Текст', anchor: foreign })
    expect(res.status).toBe(400)
    expect(res.body).toMatchObject({ error: { code: 'validation_failed' } })
    expect(await threadCount()).toBe(0)
  })

  it('an anchor that is not a relative position at all', async () => {
    const res = await post({
      body: 'мусор',
      quote: 'Текст',
      anchor: { start: 'AAAA', end: '////' },
    })
    expect(res.status).toBe(400)
    const notEncoded = Buffer.from(Y.encodeStateVector(a.doc)).toString('base64')
    expect(
      (await post({ body: 'мусор', quote: 'x', anchor: { start: notEncoded, end: notEncoded } }))
        .status,
    ).toBe(400)
    expect(await threadCount()).toBe(0)
  })

  it('unknown document, thread and message ids', async () => {
    expect((await post({ body: 'x', quote: 'x', anchor }, 'unknown')).status).toBe(404)
    const reply = await t.api('POST', `/api/documents/${docId}/comments/nope/replies`, {
      cookie,
      body: { body: 'x' },
    })
    expect(reply.status).toBe(404)
    const created = await post({ body: 'настоящий', quote: 'Текст', anchor })
    const thread = (created.body as { thread: CommentThread }).thread
    // A thread is found only under its own document.
    const elsewhere = await t.api(
      'POST',
      `/api/documents/${otherDocId}/comments/${thread.id}/replies`,
      {
        cookie,
        body: { body: 'x' },
      },
    )
    expect(elsewhere.status).toBe(404)
    const noMessage = await t.api(
      'PATCH',
      `/api/documents/${docId}/comments/${thread.id}/messages/nope`,
      {
        cookie,
        body: { body: 'x' },
      },
    )
    expect(noMessage.status).toBe(404)
    expect(await threadCount(otherDocId)).toBe(0)
  })

  it('a status that is not open or resolved', async () => {
    const created = await post({ body: 'статус', quote: 'Текст', anchor })
    const thread = (created.body as { thread: CommentThread }).thread
    const res = await t.api('PATCH', `/api/documents/${docId}/comments/${thread.id}`, {
      cookie,
      body: { status: 'deleted' },
    })
    expect(res.status).toBe(400)
  })
})
