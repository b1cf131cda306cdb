import { CloseCode, type CommentThread, type User } from '@accord/protocol'
import { expect, it, vi } from 'vitest'
import { type EventStream, openEventStream } from '../reliability/support/eventStream.js'
import { reportFigure } from '../reliability/support/figures.js'
import { clientFrame, type RawExchange, rawUpgrade } from '../reliability/support/rawTcp.js'
import { anchorOver, firstText } from './anchors.js'
import { newTestClient, type TestClient } from './newTestClient.js'
import type { TestServer } from './newTestServer.js'
import { paragraphs } from './paragraphs.js'
import { paragraphUpdate, syncFrame, upgradeStatus } from './rawSocket.js'

/** How soon "at once" must be, with room for a loaded 2-core machine (it stayed open 35 s and more). */
export const PROMPT_MS = 5000

/** One installation as the cases see it. */
export interface Installation {
  /** Where the person and the secretariat act (sign out, change the password, deactivate). */
  actOn(): TestServer
  /** Where the person's sockets and event streams are open. */
  openOn(): TestServer
  /** Every instance, to check that none took a write. */
  all(): TestServer[]
}

interface Person {
  user: User
  email: string
  password: string
  /** The session the action is taken with (signing out, changing the password). */
  first: string
  /** The same person signed in elsewhere (another browser or device). */
  second: string
}

/** A way a session ends, and which of the person's two sessions it ends. */
interface SessionEnd {
  name: string
  ends: { first: boolean; second: boolean }
  run(at: TestServer, person: Person): Promise<void>
}

const expectStatus = (res: { status: number; body: unknown }, status: number) =>
  expect(res, JSON.stringify(res.body)).toMatchObject({ status })

export const SESSION_ENDS: SessionEnd[] = [
  {
    name: 'signing out ends that session only',
    ends: { first: true, second: false },
    run: async (at, person) =>
      expectStatus(await at.api('DELETE', '/api/session', { cookie: person.first }), 204),
  },
  {
    name: 'changing the password ends every other session, and keeps the one it was changed in',
    ends: { first: false, second: true },
    run: async (at, person) =>
      expectStatus(
        await at.api('POST', '/api/me/password', {
          cookie: person.first,
          body: { currentPassword: person.password, newPassword: 'a brand new passphrase' },
        }),
        204,
      ),
  },
  {
    name: 'a password reset through a link ends every session',
    ends: { first: true, second: true },
    run: async (at, person) => {
      const link = await at.api<{ invitationUrl: string }>(
        'POST',
        `/api/users/${person.user.id}/invitation`,
        { cookie: await at.adminCookie(), body: {} },
      )
      expectStatus(link, 201)
      const token = link.body.invitationUrl.split('/invite/')[1] as string
      expectStatus(
        await at.api('POST', `/api/invitations/${token}`, {
          body: { password: 'a reset passphrase here' },
        }),
        200,
      )
    },
  },
  {
    name: 'deactivating the account ends every session',
    ends: { first: true, second: true },
    run: async (at, person) =>
      expectStatus(
        await at.api('PATCH', `/api/users/${person.user.id}`, {
          cookie: await at.adminCookie(),
          body: { active: false },
        }),
        200,
      ),
  },
]

/** What one session holds open on a document: a stock provider, a raw socket, an event stream. */
interface Opened {
  label: string
  cookie: string
  client: TestClient
  /** Close codes the provider saw, and the one it took as final (no reconnection). */
  closes: number[]
  finalClose: number | undefined
  raw: RawExchange
  rawCloseCode: number | undefined
  tcpGone: Promise<void>
  stream: EventStream
}

const textOn = (t: TestServer, documentId: string): string[] => {
  const room = t.server.registry.loaded(documentId)
  return room ? paragraphs(room.doc) : []
}

const openAll = async (
  at: TestServer,
  documentId: string,
  cookie: string,
  label: string,
): Promise<Opened> => {
  const client = newTestClient(at.wsUrl, documentId, cookie)
  const raw = rawUpgrade(at.url, `/collab/${documentId}`, { cookie })
  const opened: Opened = {
    label,
    cookie,
    client,
    closes: [],
    finalClose: undefined,
    raw,
    rawCloseCode: undefined,
    tcpGone: new Promise((resolve) => raw.socket.once('close', () => resolve())),
    stream: await openEventStream(at.url, documentId, cookie),
  }
  client.provider.on('connection-close', (event) => {
    if (event) opened.closes.push(event.code)
  })
  client.provider.on('closed', (event) => {
    opened.finalClose = event.code
  })
  void raw.closed.then(({ code }) => {
    opened.rawCloseCode = code
  })
  expect(await raw.status).toBe(101)
  await client.synced()
  // The raw socket is live: what it sends now is taken.
  raw.socket.write(clientFrame(syncFrame(2, paragraphUpdate(`${label}: before`))))
  await vi.waitFor(() => expect(textOn(at, documentId)).toContain(`${label}: before`), {
    timeout: PROMPT_MS,
  })
  return opened
}

const closeAll = (opened: Opened) => {
  opened.client.destroy()
  opened.stream.close()
  opened.raw.socket.destroy()
}

/**
 * The session-end cases, on one instance or across two: for each way a session ends, the
 * WebSockets (a stock y-websocket provider and a raw socket) and the event stream opened
 * with an ended session close at once and take or deliver nothing more; those of a session
 * that stays keep working.
 */
export const sessionEndCases = (installation: Installation): void => {
  for (const end of SESSION_ENDS) {
    it(end.name, async () => {
      const actOn = installation.actOn()
      const openOn = installation.openOn()
      const admin = await actOn.adminCookie()
      const created = await actOn.newUser('member')
      const person: Person = {
        ...created,
        first: created.cookie,
        second: await actOn.signIn(created.email, created.password),
      }
      const documentId = await actOn.newDocument(admin)
      const watcher = await openEventStream(openOn.url, documentId, admin)
      const sessions = [
        { ended: end.ends.first, opened: await openAll(openOn, documentId, person.first, 'first') },
        {
          ended: end.ends.second,
          opened: await openAll(openOn, documentId, person.second, 'second'),
        },
      ]
      try {
        const started = performance.now()
        await end.run(actOn, person)
        const answeredMs = performance.now() - started

        for (const { opened } of sessions.filter((s) => s.ended)) {
          await vi.waitFor(
            () => {
              expect(opened.closes).toContain(CloseCode.unauthorized.code)
              expect(opened.rawCloseCode).toBe(CloseCode.unauthorized.code)
              expect(opened.stream.ended).toBe(true)
            },
            { timeout: PROMPT_MS },
          )
          reportFigure('21 session end', {
            instances: installation.all().length,
            action: end.name,
            requestMs: Math.round(answeredMs),
            closedAfterAnswerMs: Math.round(performance.now() - started - answeredMs),
          })
          // The stock provider takes 4401 as final: no reconnecting with a dead cookie.
          expect(opened.finalClose).toBe(CloseCode.unauthorized.code)
          expect(opened.client.provider.shouldConnect).toBe(false)
          opened.client.type(`${opened.label}: typed after the end`)
          // A raw client ignores the close and writes on; the server takes none of it.
          opened.raw.socket.write(
            Buffer.concat([
              clientFrame(syncFrame(2, paragraphUpdate(`${opened.label}: after`))),
              clientFrame(syncFrame(1, paragraphUpdate(`${opened.label}: after, as step 2`))),
              clientFrame(Buffer.from([0x03, 0xe8]), { opcode: 0x8 }),
            ]),
          )
          await opened.tcpGone
        }
        for (const { opened } of sessions.filter((s) => !s.ended)) {
          opened.raw.socket.write(
            clientFrame(syncFrame(2, paragraphUpdate(`${opened.label}: still writing`))),
          )
          opened.client.type(`${opened.label}: still typing`)
          await vi.waitFor(
            () =>
              expect(textOn(openOn, documentId)).toEqual(
                expect.arrayContaining([
                  `${opened.label}: still writing`,
                  `${opened.label}: still typing`,
                ]),
              ),
            { timeout: PROMPT_MS },
          )
        }

        // A comment posted now reaches the streams that stay, and no ended one.
        const writer = newTestClient(actOn.wsUrl, documentId, admin)
        try {
          await writer.synced()
          const posted = await actOn.api<{ thread: CommentThread }>(
            'POST',
            `/api/documents/${documentId}/comments`,
            {
              cookie: admin,
              body: {
                body: 'Posted after the end',
                quote: firstText(writer.doc).toString().slice(0, 4),
                anchor: anchorOver(writer.doc, 0, 4),
              },
            },
          )
          expectStatus(posted, 201)
          const postedHere = (stream: EventStream) =>
            stream.events.some((e) => e.type === 'thread' && e.thread.id === posted.body.thread.id)
          await vi.waitFor(() => expect(postedHere(watcher)).toBe(true), { timeout: PROMPT_MS })
          for (const { ended, opened } of sessions) {
            if (!ended) {
              await vi.waitFor(() => expect(postedHere(opened.stream)).toBe(true), {
                timeout: PROMPT_MS,
              })
            } else expect(postedHere(opened.stream)).toBe(false)
          }
          // By now every instance has everything sent before the comment; none took a write after the end.
          for (const t of installation.all()) {
            await vi.waitFor(() => expect(paragraphs(writer.doc)).toEqual(textOn(t, documentId)))
          }
        } finally {
          writer.destroy()
        }
        const text = textOn(openOn, documentId)
        for (const { ended, opened } of sessions) {
          const lines = ended ? ['before'] : ['before', 'still writing', 'still typing']
          expect(text.filter((line) => line.startsWith(`${opened.label}: `)).sort()).toEqual(
            lines.map((line) => `${opened.label}: ${line}`).sort(),
          )
          if (ended) {
            // Coming back with the ended session's cookie is refused.
            expect(
              await upgradeStatus(`${openOn.wsUrl}/${documentId}`, { cookie: opened.cookie }),
            ).toBe(401)
            expect(
              (
                await openOn.api(`GET`, `/api/documents/${documentId}/events`, {
                  cookie: opened.cookie,
                })
              ).status,
            ).toBe(401)
          } else {
            expect(opened.client.provider.wsconnected).toBe(true)
            expect(opened.rawCloseCode).toBeUndefined()
            expect(opened.stream.ended).toBe(false)
          }
        }
      } finally {
        watcher.close()
        for (const { opened } of sessions) closeAll(opened)
      }
      // Nothing is left held for the sessions once their sockets and streams are gone.
      for (const t of installation.all()) {
        await vi.waitFor(() => expect(t.server.liveSessions.size).toBe(0), { timeout: PROMPT_MS })
      }
    })
  }

  it('a socket opened while its session ends is refused or closed, never left open', async () => {
    const actOn = installation.actOn()
    const openOn = installation.openOn()
    const person = await actOn.newUser('member')
    const documentId = await actOn.newDocument(person.cookie)
    for (let round = 0; round < 5; round++) {
      const cookie = await actOn.signIn(person.email, person.password)
      const raw = rawUpgrade(openOn.url, `/collab/${documentId}`, { cookie })
      let closeCode: number | undefined
      void raw.closed.then(({ code }) => {
        closeCode = code
      })
      const stream = openEventStream(openOn.url, documentId, cookie).catch(() => undefined)
      await actOn.api('DELETE', '/api/session', { cookie })
      const status = await raw.status
      if (status === 101) {
        await vi.waitFor(() => expect(closeCode).toBe(CloseCode.unauthorized.code), {
          timeout: PROMPT_MS,
        })
      } else expect(status).toBe(401)
      const opened = await stream
      if (opened) {
        await vi.waitFor(() => expect(opened.ended).toBe(true), { timeout: PROMPT_MS })
        opened.close()
      }
      raw.socket.destroy()
    }
  })
}
