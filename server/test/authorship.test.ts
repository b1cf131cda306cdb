import type { DocumentAuthorsResponse } from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { useTestServer } from './utils/useTestServer.js'

/** Appends a paragraph of `text` written under `clientId`, the way a tab with that id would. */
const typeAs = (doc: Y.Doc, clientId: number, text: string): void => {
  const own = doc.clientID
  doc.clientID = clientId
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const fragment = doc.getXmlFragment('default')
  fragment.insert(fragment.length, [paragraph])
  // The update has gone out; the provider's presence stays keyed by the tab's own id.
  doc.clientID = own
}

describe('authorship: who wrote under each client id, recorded by the server', () => {
  const t = useTestServer()

  const authorsOf = async (docId: string, cookie: string, since?: string) => {
    const res = await t.api<DocumentAuthorsResponse>(
      'GET',
      `/api/documents/${docId}/authors${since ? `?since=${since}` : ''}`,
      { cookie },
    )
    expect(res.status).toBe(200)
    return res.body
  }

  it('names each person’s client id after two members typed, and shows it to an observer', async () => {
    const { docId, a, b, alice, bob } = await t.twoMembersInOneDocument()
    a.type('Alice wrote this.')
    b.type('Bob wrote that.')
    const observer = await t.newUser('observer', 'Olga')
    await vi.waitFor(async () => {
      const { authors } = await authorsOf(docId, observer.cookie)
      expect(authors).toEqual(
        expect.arrayContaining([
          {
            clientId: a.doc.clientID,
            fromClock: 0,
            user: expect.objectContaining({ id: alice.user.id, name: 'Alice' }),
          },
          {
            clientId: b.doc.clientID,
            fromClock: 0,
            user: expect.objectContaining({ id: bob.user.id, name: 'Bob' }),
          },
        ]),
      )
    })
    const { authors } = await authorsOf(docId, observer.cookie)
    expect(authors.every((author) => /^#[0-9a-f]{6}$/.test(author.user.color))).toBe(true)
  })

  it('text a client sends under another person’s client id is recorded as the sender’s, never as theirs', async () => {
    const { docId, a, alice, bob } = await t.twoMembersInOneDocument()
    // Alice's tab takes a new id when it meets its own in someone else's update: keep this one.
    const aliceId = a.doc.clientID
    a.type('Alice wrote this.')
    await vi.waitFor(async () =>
      expect((await authorsOf(docId, bob.cookie)).authors.map((x) => x.clientId)).toContain(
        aliceId,
      ),
    )
    // Bob's tab, synced, then writing under Alice's id (what a modified client could send).
    const forger = t.client(docId, bob.cookie)
    await forger.synced()
    await vi.waitFor(() => expect(forger.text()).toContain('Alice wrote this.'))
    const borrowedFrom = Y.getState(forger.doc.store, aliceId)
    typeAs(forger.doc, aliceId, 'Written by Bob under Alice’s id.')
    await vi.waitFor(() => expect(a.text()).toContain('Written by Bob'))
    await vi.waitFor(async () => {
      const spans = (await authorsOf(docId, alice.cookie)).authors.filter(
        (x) => x.clientId === aliceId,
      )
      expect(spans.map((x) => [x.fromClock, x.user.id])).toEqual([
        [0, alice.user.id],
        [borrowedFrom, bob.user.id],
      ])
    })
    // Alice's tab took a new id on meeting its own in Bob's update; its presence (which the
    // provider's clean-up reads) is still under the old one.
    a.doc.clientID = aliceId
  })

  it('keeps the record across a restart, and gives a version’s state vector for "since"', async () => {
    const coordinator = await t.newUser('coordinator', 'Cora')
    const member = await t.newUser('member', 'Anna')
    const docId = await t.newDocument(coordinator.cookie)
    const c = t.client(docId, coordinator.cookie)
    await c.synced()
    c.type('Draft one text.')
    await vi.waitFor(async () =>
      expect((await authorsOf(docId, coordinator.cookie)).authors).toHaveLength(1),
    )
    const version = await t.api<{ id: string }>('POST', `/api/documents/${docId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'Draft 2' },
    })
    expect(version.status).toBe(201)
    const m = t.client(docId, member.cookie)
    await m.synced()
    m.type('Anna added this.')
    await vi.waitFor(async () =>
      expect((await authorsOf(docId, coordinator.cookie)).authors).toHaveLength(2),
    )
    await t.restart()
    const { authors, since } = await authorsOf(docId, member.cookie, version.body.id)
    expect(authors.map((x) => x.user.name)).toEqual(['Cora', 'Anna'])
    expect(since?.versionId).toBe(version.body.id)
    const vector = Y.decodeStateVector(Buffer.from(since?.stateVector ?? '', 'base64'))
    // The coordinator's text is inside the version; none of Anna's is.
    expect(vector.get(c.doc.clientID)).toBeGreaterThan(0)
    expect(vector.get(m.doc.clientID) ?? 0).toBe(0)
  })

  it('answers 401 without a session, 404 for an unknown document or version, 400 for a bad version id', async () => {
    const member = await t.newUser('member')
    const docId = await t.newDocument(member.cookie)
    expect((await t.api('GET', `/api/documents/${docId}/authors`)).status).toBe(401)
    const unknownDoc = await t.api<{ error: { code: string } }>(
      'GET',
      '/api/documents/nope/authors',
      { cookie: member.cookie },
    )
    expect(unknownDoc.status).toBe(404)
    expect(unknownDoc.body.error.code).toBeTruthy()
    expect(
      (await t.api('GET', `/api/documents/${docId}/authors?since=nope`, { cookie: member.cookie }))
        .status,
    ).toBe(404)
    const bad = await t.api<{ error: { code: string } }>(
      'GET',
      `/api/documents/${docId}/authors?since=${encodeURIComponent('../x y')}`,
      { cookie: member.cookie },
    )
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
  })
})
