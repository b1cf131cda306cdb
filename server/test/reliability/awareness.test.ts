import { CloseCode } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import { awarenessFrame, rawSocket } from '../utils/rawSocket.js'
import { useTestServer } from '../utils/useTestServer.js'
import { reportFigure } from './support/figures.js'

type Seen = { user?: { id: string; name: string }; cursor?: unknown } | undefined
/** Gives in-flight messages time to arrive, so that "nothing happened" is a real observation. */
const settle = () => new Promise((r) => setTimeout(r, 300))

describe('awareness cannot be spoofed', () => {
  const t = useTestServer()

  it("shows the authenticated user, whatever the client claims, and no one can take over another connection's client id", async () => {
    const alice = await t.newUser('member', 'Alice')
    const bob = await t.newUser('member', 'Bob')
    const mallory = await t.newUser('member', 'Mallory')
    const docId = await t.newDocument(alice.cookie)
    const a = t.client(docId, alice.cookie)
    const b = t.client(docId, bob.cookie)
    await Promise.all([a.synced(), b.synced()])
    const seenByB = (id: number) => b.provider.awareness.getStates().get(id) as Seen

    // Alice's own client claims to be Bob: everyone sees Alice.
    a.provider.awareness.setLocalStateField('user', { id: bob.user.id, name: 'Bob (really)' })
    a.provider.awareness.setLocalStateField('cursor', { at: 1 })
    await vi.waitFor(() =>
      expect(seenByB(a.doc.clientID)).toMatchObject({
        user: { id: alice.user.id, name: 'Alice' },
        cursor: { at: 1 },
      }),
    )

    // Mallory writes Alice's client id: a new state, a removal, and a flood of made-up ids.
    const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie: mallory.cookie })
    ws.send(
      awarenessFrame([
        {
          clientId: a.doc.clientID,
          clock: 1_000_000,
          state: { user: { name: 'Alice' }, cursor: 'x' },
        },
      ]),
    )
    ws.send(awarenessFrame([{ clientId: a.doc.clientID, clock: 1_000_001, state: null }]))
    ws.send(
      awarenessFrame(
        Array.from({ length: 40 }, (_, i) => ({ clientId: 900_000 + i, clock: 1, state: { i } })),
      ),
    )
    await settle()
    expect(seenByB(a.doc.clientID)).toMatchObject({
      user: { id: alice.user.id, name: 'Alice' },
      cursor: { at: 1 },
    })
    const mallorys = [...b.provider.awareness.getStates().entries()].filter(
      ([, s]) => (s as Seen)?.user?.id === mallory.user.id,
    )
    // Only the first few ids one connection may hold, each stamped with Mallory's real name.
    expect(mallorys.length).toBeLessThanOrEqual(4)
    for (const [, s] of mallorys) expect((s as Seen)?.user?.name).toBe('Mallory')

    // An awareness update larger than any presence needs closes the socket.
    ws.send(
      awarenessFrame([{ clientId: 900_000, clock: 2, state: { pad: 'x'.repeat(70 * 1024) } }]),
    )
    expect(await closed).toEqual({
      code: CloseCode.tooLarge.code,
      reason: CloseCode.tooLarge.reason,
    })
    // Mallory's presence leaves with her socket; Alice's stays.
    await vi.waitFor(() =>
      expect(
        [...b.provider.awareness.getStates().values()].some(
          (s) => (s as Seen)?.user?.id === mallory.user.id,
        ),
      ).toBe(false),
    )
    expect(seenByB(a.doc.clientID)?.user?.name).toBe('Alice')
    reportFigure('16 awareness', {
      spoofedNamesShown: 0,
      foreignClientIdsOverwritten: 0,
      idsPerConnectionAtMost: 4,
      oversizedClosedWith: CloseCode.tooLarge.code,
    })
  })

  it('while a person reconnects, nobody else can take their client id: watchers never see an impostor under it', async () => {
    const alice = await t.newUser('member', 'Alice')
    const bob = await t.newUser('member', 'Bob')
    const mallory = await t.newUser('member', 'Mallory')
    const docId = await t.newDocument(alice.cookie)
    const a = t.client(docId, alice.cookie)
    const b = t.client(docId, bob.cookie)
    await Promise.all([a.synced(), b.synced()])
    const id = a.doc.clientID
    const seenByB = () => b.provider.awareness.getStates().get(id) as Seen
    a.provider.awareness.setLocalStateField('cursor', { at: 1 })
    await vi.waitFor(() => expect(seenByB()?.user?.name).toBe('Alice'))

    // Alice's connection drops; before she is back, Mallory announces Alice's client id.
    a.provider.disconnect()
    await vi.waitFor(() => expect(seenByB()).toBeUndefined())
    const { ws } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie: mallory.cookie })
    ws.send(awarenessFrame([{ clientId: id, clock: 1_000_000, state: { cursor: 'here' } }]))
    await settle()
    expect(seenByB()).toBeUndefined()

    // Alice is back with the same id (her editor's Y.Doc). The server counted her leaving as a
    // newer presence than her last one, so she shows again at her next moves of the caret.
    a.provider.connect()
    await a.synced()
    a.provider.awareness.setLocalStateField('cursor', { at: 2 })
    a.provider.awareness.setLocalStateField('cursor', { at: 3 })
    await vi.waitFor(() =>
      expect(seenByB()).toMatchObject({ user: { name: 'Alice' }, cursor: { at: 3 } }),
    )
    ws.send(awarenessFrame([{ clientId: id, clock: 2_000_000, state: { cursor: 'again' } }]))
    await settle()
    expect(seenByB()).toMatchObject({ user: { name: 'Alice' }, cursor: { at: 3 } })
    ws.close()
  })
})
