import type { CommentThread, User } from '@accord/protocol'
import { BODY_FRAGMENT } from '@accord/schema'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { openEventStream } from '../reliability/support/eventStream.js'
import { anchorOver } from '../utils/anchors.js'
import { editAs, makeListItem, plainText, posOf, writeBody } from '../utils/editAs.js'
import { newTestClient, type TestClient } from '../utils/newTestClient.js'
import { newTestServer, type TestServer } from '../utils/newTestServer.js'
import { POSTGRES_URL } from '../utils/postgres.js'
import { awarenessFrame, rawSocket } from '../utils/rawSocket.js'
import { REDIS_SERVER, type TestRedis } from '../utils/redisServer.js'
import { useTwoInstances } from '../utils/twoInstances.js'

/** Two (and later three) real instances on one PostgreSQL database and one Redis. */
describe.skipIf(!POSTGRES_URL || !REDIS_SERVER)('two instances on PostgreSQL and Redis', () => {
  const instances = useTwoInstances()
  let redis: TestRedis
  let env: Record<string, string>
  let a: TestServer
  let b: TestServer
  beforeAll(() => {
    ;({ a, b, redis, env } = instances)
  })
  const clients: TestClient[] = []
  const client = (t: TestServer, documentId: string, cookie: string) => {
    const c = newTestClient(t.wsUrl, documentId, cookie)
    clients.push(c)
    return c
  }

  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
  })

  it('serves a session made on one instance on the other', async () => {
    const member = await a.newUser('member')
    const me = await b.api<{ user: User }>('GET', '/api/me', { cookie: member.cookie })
    expect(me.status).toBe(200)
    expect(me.body.user.id).toBe(member.user.id)
  })

  it('lets clients on different instances edit one document and see each other', async () => {
    const ann = await a.newUser('member', 'Ann')
    const documentId = await a.newDocument(ann.cookie)
    const onA = client(a, documentId, ann.cookie)
    const onB = client(b, documentId, ann.cookie)
    await Promise.all([onA.synced(), onB.synced()])

    onA.type('typed on instance A')
    onB.type('typed on instance B')
    for (const c of [onA, onB]) {
      await vi.waitFor(() => {
        expect(c.text()).toContain('typed on instance A')
        expect(c.text()).toContain('typed on instance B')
      })
    }
    expect(onA.text().split('\n').sort()).toEqual(onB.text().split('\n').sort())

    // Presence crosses too, stamped with the account on the instance the client is on.
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    await vi.waitFor(() => {
      const names = [...onB.provider.awareness.getStates().values()].map(
        (s) => (s.user as { name?: string } | undefined)?.name,
      )
      expect(names).toContain('Ann')
    })
  })

  /** Ann's document of three paragraphs, open on each instance. */
  const threeParagraphsOnBoth = async () => {
    const ann = await a.newUser('member', 'Ann')
    const documentId = await a.newDocument(ann.cookie)
    const onA = client(a, documentId, ann.cookie)
    const onB = client(b, documentId, ann.cookie)
    await Promise.all([onA.synced(), onB.synced()])
    writeBody(onA.doc, {
      type: 'doc',
      content: ['Один.', 'два', 'Три.'].map((text) => ({
        type: 'paragraph',
        content: [{ type: 'text', text }],
      })),
    })
    await vi.waitFor(() => expect(onB.text()).toBe('Один.\nдва\nТри.'))
    return { ann, documentId, onA, onB }
  }

  it('keeps one copy of a paragraph two people on different instances made a list item at once', async () => {
    const { onA, onB } = await threeParagraphsOnBoth()
    // Both offline while they make it, so each instance gets its own client's copy first.
    for (const c of [onA, onB]) c.provider.disconnect()
    for (const c of [onA, onB]) editAs(c.doc, makeListItem('два'))
    for (const c of [onA, onB]) c.provider.connect()
    for (const c of [onA, onB]) {
      await vi.waitFor(() => {
        expect(Y.getState(c.doc.store, onA.doc.clientID)).toBe(
          Y.getState(onA.doc.store, onA.doc.clientID),
        )
        expect(Y.getState(c.doc.store, onB.doc.clientID)).toBe(
          Y.getState(onB.doc.store, onB.doc.clientID),
        )
      })
      await vi.waitFor(() => expect(plainText(c.doc)).toBe('Один.\nдва\nТри.'))
    }
  })

  it('puts a join into the list item made of its paragraph on another instance at once, once', async () => {
    const { ann, documentId, onA, onB } = await threeParagraphsOnBoth()
    // The list item reaches both instances before the join, which only instance b's client sends.
    onB.provider.disconnect()
    editAs(onA.doc, makeListItem('два'))
    editAs(onB.doc, (tr) => tr.join(posOf(tr.doc, 'Три.') - 1))
    const third = client(b, documentId, ann.cookie)
    await third.synced()
    await vi.waitFor(() =>
      expect(third.doc.getXmlFragment(BODY_FRAGMENT).toString()).toContain('<bulletlist>'),
    )
    third.provider.destroy()
    onB.provider.connect()
    for (const c of [onA, onB])
      await vi.waitFor(() => expect(plainText(c.doc)).toBe('Один.\nдваТри.'))
    // Neither instance puts it back a second time.
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (const c of [onA, onB]) expect(plainText(c.doc)).toBe('Один.\nдваТри.')
  })

  it('puts a join into the list item made at once on another instance once, when each instance has its own first', async () => {
    const { onA, onB } = await threeParagraphsOnBoth()
    // Both offline while they edit, then back at once: each instance gets its own client's change first.
    for (const c of [onA, onB]) c.provider.disconnect()
    editAs(onA.doc, makeListItem('два'))
    editAs(onB.doc, (tr) => tr.join(posOf(tr.doc, 'Три.') - 1))
    for (const c of [onA, onB]) c.provider.connect()
    for (const c of [onA, onB])
      await vi.waitFor(() => expect(plainText(c.doc)).toBe('Один.\nдваТри.'))
    await new Promise((resolve) => setTimeout(resolve, 500))
    for (const c of [onA, onB]) expect(plainText(c.doc)).toBe('Один.\nдваТри.')
  })

  it("a client id another instance shows as someone's presence cannot be taken on this one", async () => {
    const ann = await a.newUser('member', 'Ann')
    const mallory = await a.newUser('member', 'Mallory')
    const documentId = await a.newDocument(ann.cookie)
    const onA = client(a, documentId, ann.cookie)
    const onB = client(b, documentId, ann.cookie)
    await Promise.all([onA.synced(), onB.synced()])
    const id = onA.doc.clientID
    onA.provider.awareness.setLocalStateField('cursor', { anchor: 1 })
    const seenOnB = () => onB.provider.awareness.getStates().get(id) as { user?: { name?: string } }
    await vi.waitFor(() => expect(seenOnB()?.user?.name).toBe('Ann'))
    const { ws } = await rawSocket(`${b.wsUrl}/${documentId}`, { cookie: mallory.cookie })
    ws.send(awarenessFrame([{ clientId: id, clock: 1_000_000, state: { cursor: 'x' } }]))
    await new Promise((r) => setTimeout(r, 300))
    expect(seenOnB()).toMatchObject({ user: { name: 'Ann' }, cursor: { anchor: 1 } })
    ws.close()
  })

  it('applies a demotion and a finalized status made on one instance to sockets on the other', async () => {
    const admin = await a.adminCookie()
    const bob = await a.newUser('member', 'Bob')
    const documentId = await a.newDocument(admin)
    const bobOnB = client(b, documentId, bob.cookie)
    await bobOnB.synced()
    const connectionOnB = () =>
      [...(b.server.registry.loaded(documentId)?.connections ?? [])].find(
        (c) => c.user.id === bob.user.id,
      )

    const demoted = await a.api('PATCH', `/api/users/${bob.user.id}`, {
      cookie: admin,
      body: { role: 'observer' },
    })
    expect(demoted.status).toBe(200)
    await vi.waitFor(() => expect(connectionOnB()?.role).toBe('observer'))
    bobOnB.type('typed after the demotion')

    const status = async (to: string) =>
      (
        await a.api('PATCH', `/api/documents/${documentId}`, {
          cookie: admin,
          body: { status: to },
        })
      ).status
    expect(await status('review')).toBe(200)
    expect(await status('final')).toBe(200)
    await vi.waitFor(() => expect(b.server.registry.loaded(documentId)?.status).toBe('final'))

    // Whatever the socket sent, neither instance took it.
    for (const t of [a, b]) {
      const verifier = client(t, documentId, admin)
      await verifier.synced()
      expect(verifier.text()).not.toContain('typed after the demotion')
    }
  })

  it('brings comments posted on one instance to event streams on the other', async () => {
    const cara = await a.newUser('member', 'Cara')
    const documentId = await a.newDocument(cara.cookie)
    const writer = client(a, documentId, cara.cookie)
    await writer.synced()
    writer.type('A clause worth discussing')
    const stream = await openEventStream(b.url, documentId, cara.cookie)
    try {
      const posted = await a.api<{ thread: CommentThread }>(
        'POST',
        `/api/documents/${documentId}/comments`,
        {
          cookie: cara.cookie,
          body: { body: 'Across instances', quote: 'clause', anchor: anchorOver(writer.doc, 2, 6) },
        },
      )
      expect(posted.status).toBe(201)
      await vi.waitFor(() =>
        expect(stream.events).toContainEqual(
          expect.objectContaining({
            type: 'thread',
            thread: expect.objectContaining({ id: posted.body.thread.id }),
          }),
        ),
      )
    } finally {
      stream.close()
    }
  })

  it('recovers when Redis restarts mid-session: both sides converge on what was typed meanwhile', async () => {
    const dan = await a.newUser('member', 'Dan')
    const documentId = await a.newDocument(dan.cookie)
    const onA = client(a, documentId, dan.cookie)
    const onB = client(b, documentId, dan.cookie)
    await Promise.all([onA.synced(), onB.synced()])

    await redis.kill()
    onA.type('typed on A while Redis was down')
    onB.type('typed on B while Redis was down')
    // Each instance still saves what its own clients type.
    await new Promise((resolve) => setTimeout(resolve, 300))
    await redis.start()

    for (const c of [onA, onB]) {
      await vi.waitFor(
        () => {
          expect(c.text()).toContain('typed on A while Redis was down')
          expect(c.text()).toContain('typed on B while Redis was down')
        },
        { timeout: 20_000, interval: 100 },
      )
    }
    onA.type('typed on A after Redis came back')
    await vi.waitFor(() => expect(onB.text()).toContain('typed on A after Redis came back'), {
      timeout: 10_000,
    })
  })

  it('serves the whole text from PostgreSQL on a third instance started later', async () => {
    const eve = await a.newUser('member', 'Eve')
    const documentId = await a.newDocument(eve.cookie)
    const onA = client(a, documentId, eve.cookie)
    const onB = client(b, documentId, eve.cookie)
    await Promise.all([onA.synced(), onB.synced()])
    for (let i = 0; i < 20; i++) (i % 2 ? onA : onB).type(`line ${i}`)
    await vi.waitFor(() => expect(onA.text().split('\n')).toHaveLength(20))
    await vi.waitFor(() => expect(onB.text().split('\n')).toHaveLength(20))

    const c = await newTestServer(env)
    try {
      const onC = client(c, documentId, eve.cookie)
      await onC.synced()
      await vi.waitFor(() =>
        expect(onC.text().split('\n').sort()).toEqual(onA.text().split('\n').sort()),
      )
    } finally {
      await c.close()
    }
  })
})
