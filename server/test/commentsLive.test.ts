import type { CommentThread, DocumentEvent } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { anchorOver } from './utils/anchors.js'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

/** Reads a Server-Sent Events stream into a list of parsed events, until aborted. */
const subscribe = async (url: string, cookie: string) => {
  const controller = new AbortController()
  const events: DocumentEvent[] = []
  const res = await fetch(url, { headers: { cookie }, signal: controller.signal })
  expect(res.headers.get('content-type')).toMatch(/text\/event-stream/)
  const reader = (res.body as ReadableStream<Uint8Array>)
    .pipeThrough(new TextDecoderStream())
    .getReader()
  let buffer = ''
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }))
      if (done) return
      buffer += value
      let end = buffer.indexOf('\n\n')
      while (end >= 0) {
        const data = buffer
          .slice(0, end)
          .split('\n')
          .find((line) => line.startsWith('data: '))
        if (data) events.push(JSON.parse(data.slice(6)) as DocumentEvent)
        buffer = buffer.slice(end + 2)
        end = buffer.indexOf('\n\n')
      }
    }
  })()
  return { events, close: () => controller.abort() }
}

describe('live comment delivery', () => {
  let t: TestServer
  let alice: { cookie: string }
  let bob: { cookie: string }
  let docId: string
  let a: TestClient

  beforeAll(async () => {
    t = await newTestServer()
    alice = await t.newUser('member', 'Alice')
    bob = await t.newUser('observer', 'Bob')
    docId = await t.newDocument(alice.cookie)
    a = newTestClient(t.wsUrl, docId, alice.cookie)
    await a.synced()
    a.type('Принцип прозрачности')
    await new Promise((r) => setTimeout(r, 100))
  })
  afterAll(async () => {
    a.destroy()
    await t.close()
  })

  it('a second member sees a new thread, a reply and a resolution within a second, without reloading', async () => {
    const stream = await subscribe(`${t.url}/api/documents/${docId}/events`, bob.cookie)
    try {
      const created = await t.api<{ thread: CommentThread }>(
        'POST',
        `/api/documents/${docId}/comments`,
        {
          cookie: alice.cookie,
          body: {
            body: 'Нужно определение',
            quote: 'прозрачности',
            anchor: anchorOver(a.doc, 8, 12),
          },
        },
      )
      const id = created.body.thread.id
      await vi.waitFor(
        () => expect(stream.events).toContainEqual({ type: 'thread', thread: created.body.thread }),
        {
          timeout: 1000,
        },
      )
      await t.api('POST', `/api/documents/${docId}/comments/${id}/replies`, {
        cookie: bob.cookie,
        body: { body: 'Согласен' },
      })
      await t.api('PATCH', `/api/documents/${docId}/comments/${id}`, {
        cookie: alice.cookie,
        body: { status: 'resolved' },
      })
      await vi.waitFor(
        () => {
          const last = stream.events.at(-1)
          expect(last).toMatchObject({ type: 'thread', thread: { id, status: 'resolved' } })
          expect(last?.type === 'thread' && last.thread.messages.map((m) => m.body)).toEqual([
            'Нужно определение',
            'Согласен',
          ])
        },
        { timeout: 1000 },
      )
    } finally {
      stream.close()
    }
  })

  it('refuses the stream without a session or for an unknown document', async () => {
    expect((await fetch(`${t.url}/api/documents/${docId}/events`)).status).toBe(401)
    expect(
      (await fetch(`${t.url}/api/documents/unknown/events`, { headers: { cookie: bob.cookie } }))
        .status,
    ).toBe(404)
  })
})
