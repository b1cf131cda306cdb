import { describe, expect, it, vi } from 'vitest'
import { editAs, plainText, posOf, suggestionsIn, twoClauses, writeBody } from './utils/editAs.js'
import { type ScopedTestServer, useTestServer } from './utils/useTestServer.js'

/** Rooms unload soon after their last client leaves, so a test can catch the next load. */
const t = useTestServer({ IDLE_UNLOAD_MS: '50' })

/**
 * Holds the next load of a document from storage until `release()`; `started` resolves
 * once the load has read the document's status and reached storage.
 */
const holdNextLoad = (server: ScopedTestServer) => {
  const store = server.server.registry.store
  const load = store.load.bind(store)
  let release: () => void = () => undefined
  const gate = new Promise<void>((resolve) => {
    release = resolve
  })
  let reached: () => void = () => undefined
  const started = new Promise<void>((resolve) => {
    reached = resolve
  })
  store.load = async (documentId) => {
    store.load = load
    reached()
    await gate
    return load(documentId)
  }
  return { started, release }
}

/** Finalizes; resolves once the catalog says final (the room may still be loading), with the request to await later. */
const finalize = async (documentId: string, openItems?: { decision: 'appendix' }) => {
  const admin = await t.adminCookie()
  const request = t.api('PATCH', `/api/documents/${documentId}`, {
    cookie: admin,
    body: { status: 'final', openItems },
  })
  await vi.waitFor(async () => {
    const doc = await t.api<{ status: string }>('GET', `/api/documents/${documentId}`, {
      cookie: admin,
    })
    expect(doc.body.status).toBe('final')
  })
  return { request }
}

describe('a document finalized while it is being opened', () => {
  it('opens as final: an edit sent right after the load is not taken', async () => {
    const member = await t.newUser('member')
    const documentId = await t.newDocument(member.cookie)
    const held = holdNextLoad(t)
    const writer = t.client(documentId, member.cookie)
    await held.started
    const finalized = await finalize(documentId)
    held.release()
    expect((await finalized.request).status).toBe(200)
    await writer.synced()
    writer.type('typed into a final document')
    // A reader who joins after the edit was sent has seen everything the server took.
    const reader = t.client(documentId, await t.adminCookie())
    await reader.synced()
    await new Promise((resolve) => setTimeout(resolve, 300))
    const room = t.server.registry.loaded(documentId)
    expect(room?.status).toBe('final')
    expect(reader.text()).not.toContain('typed into a final document')
  })

  it('refuses a suggestion decision that reaches the text after it became final', async () => {
    const member = await t.newUser('member', 'Maria Member')
    const coordinator = await t.newUser('coordinator')
    const documentId = await t.newDocument(coordinator.cookie, 'Charter')
    const m = t.client(documentId, member.cookie)
    await m.synced()
    writeBody(m.doc, twoClauses)
    editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
      authorId: member.user.id,
      authorName: member.user.name,
    })
    await vi.waitFor(() => {
      const room = t.server.registry.loaded(documentId)
      expect(room && suggestionsIn(room.doc)).toHaveLength(1)
    })
    m.destroy()
    // Saved and unloaded: the decision below opens it again.
    await vi.waitFor(() => expect(t.server.registry.loaded(documentId)).toBeUndefined())

    const held = holdNextLoad(t)
    const decision = t.api('POST', `/api/documents/${documentId}/suggestions/decisions`, {
      cookie: coordinator.cookie,
      body: { decision: 'accept', all: true },
    })
    await held.started
    // The suggestion is open: finalizing carries it into the appendix and out of the text.
    const finalized = await finalize(documentId, { decision: 'appendix' })
    held.release()
    const decided = await decision
    expect(decided.status).toBe(409)
    expect(decided.body).toMatchObject({ error: { code: 'document_final' } })
    expect((await finalized.request).status).toBe(200)
    const reader = t.client(documentId, coordinator.cookie)
    await reader.synced()
    // Not accepted: the finalization took it out of the text (it is kept in the appendix).
    await vi.waitFor(() => expect(suggestionsIn(reader.doc)).toHaveLength(0))
    expect(plainText(reader.doc)).toContain('The rules apply to members.')
  })
})
