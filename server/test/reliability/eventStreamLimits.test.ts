import { afterEach, describe, expect, it, vi } from 'vitest'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { type EventStream, openEventStream } from './support/eventStream.js'

describe('event streams per account and per instance', () => {
  let t: TestServer | undefined
  const streams: EventStream[] = []
  afterEach(async () => {
    for (const stream of streams.splice(0)) stream.close()
    await t?.close()
  })
  const open = async (server: TestServer, documentId: string, cookie: string) => {
    const stream = await openEventStream(server.url, documentId, cookie)
    streams.push(stream)
    return stream
  }
  const refusal = (server: TestServer, documentId: string, cookie: string) =>
    server.api('GET', `/api/documents/${documentId}/events`, { cookie })

  it('caps one account (429 with Retry-After), then the instance; a closed stream frees its place', async () => {
    t = await newTestServer({ MAX_EVENT_STREAMS_PER_ACCOUNT: '3', MAX_EVENT_STREAMS: '5' })
    const hoarder = await t.newUser('observer')
    const other = await t.newUser('observer')
    const documentId = await t.newDocument(await t.adminCookie())
    const held = [] as EventStream[]
    for (let i = 0; i < 3; i++) held.push(await open(t, documentId, hoarder.cookie))

    const refused = await refusal(t, documentId, hoarder.cookie)
    expect(refused.status).toBe(429)
    expect(refused.body).toMatchObject({ error: { code: 'too_many_requests' } })
    expect(refused.headers.get('retry-after')).toMatch(/^\d+$/)

    // Someone else is not held back by the hoarder, up to the instance's limit.
    await open(t, documentId, other.cookie)
    await open(t, documentId, other.cookie)
    expect((await refusal(t, documentId, other.cookie)).status).toBe(429)

    held[0]?.close()
    await vi.waitFor(async () =>
      expect((await open(t as TestServer, documentId, hoarder.cookie)).ended).toBe(false),
    )
    // Refused requests held nothing: only the open streams remain.
    expect(t.server.liveSessions.size).toBe(5)
  })

  it('by default lets one person keep a stream in each of a dozen tabs', async () => {
    t = await newTestServer()
    const member = await t.newUser('member')
    const documents = await Promise.all(
      Array.from({ length: 4 }, () => (t as TestServer).newDocument(member.cookie)),
    )
    for (let tab = 0; tab < 12; tab++) {
      const stream = await open(t, documents[tab % documents.length] as string, member.cookie)
      expect(stream.ended).toBe(false)
    }
  })
})
