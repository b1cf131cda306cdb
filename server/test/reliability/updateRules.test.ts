import { readSettings } from '@accord/schema'
import { describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { writeSyncStep1 } from '../../src/collab/protocol.js'
import { editAs, posOf, suggestionsIn, twoClauses, writeBody } from '../utils/editAs.js'
import { rawSocket, syncFrame } from '../utils/rawSocket.js'
import { useTestServer } from '../utils/useTestServer.js'
import { reportFigure } from './support/figures.js'
import { databaseFile, storedDoc } from './support/sqliteFile.js'

const t = useTestServer()

/** Gives a relay, had there been one, time to arrive before observing that none did. */
const settle = () => new Promise((r) => setTimeout(r, 300))

/**
 * A raw client holding a copy of `from`: it sends exactly the update an edit of its copy
 * makes, whatever the editor would, and waits until the server has handled it (the server
 * answers a sync step 1 only after everything sent before it).
 */
const rawEditor = async (docId: string, cookie: string, from: Y.Doc) => {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(from))
  const { ws, closed } = await rawSocket(`${t.wsUrl}/${docId}`, { cookie })
  let answers = 0
  ws.on('message', (data: Buffer) => {
    if (data[0] === 0 && data[1] === 1) answers++
  })
  return {
    doc,
    closed,
    async send(edit: (doc: Y.Doc) => void) {
      const updates: Uint8Array[] = []
      const collect = (u: Uint8Array) => updates.push(u)
      doc.on('update', collect)
      doc.transact(() => edit(doc))
      doc.off('update', collect)
      for (const u of updates) ws.send(syncFrame(2, u))
      const before = answers
      ws.send(writeSyncStep1(Y.encodeStateVector(doc)))
      await vi.waitFor(() => expect(answers).toBe(before + 1))
    },
    close: () => ws.close(),
  }
}

/**
 * Sends one edit from a fresh raw client (a fresh Yjs client id: an edit refused before would
 * make the next one from the same client wait for it, not be judged on its own).
 */
const sendOnce = async (docId: string, cookie: string, from: Y.Doc, edit: (doc: Y.Doc) => void) => {
  const raw = await rawEditor(docId, cookie, from)
  await raw.send(edit)
  raw.close()
}

/** The text of the `index`-th block's first text. */
const textOf = (doc: Y.Doc, path: number[]): Y.XmlText => {
  let node: Y.XmlElement | Y.XmlFragment = doc.getXmlFragment('default')
  for (const i of path) node = node.get(i) as Y.XmlElement
  return node.get(0) as unknown as Y.XmlText
}
/** The paragraph "The rules apply to members." in twoClauses: clause 0, child 1. */
const RULES = [0, 1]

const setup = async (status: 'draft' | 'review') => {
  const member = await t.newUser('member', 'Maria Member')
  const coordinator = await t.newUser('coordinator', 'Chris Coordinator')
  const docId = await t.newDocument(coordinator.cookie, 'Charter')
  const c = t.client(docId, coordinator.cookie)
  const watcher = t.client(docId, coordinator.cookie)
  await Promise.all([c.synced(), watcher.synced()])
  writeBody(c.doc, twoClauses)
  await vi.waitFor(() => expect(watcher.fragment.length).toBe(2))
  if (status === 'review') {
    const res = await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: coordinator.cookie,
      body: { status },
    })
    expect(res.status).toBe(200)
  }
  const live = t.server.registry.loaded(docId)?.doc as Y.Doc
  return { member, coordinator, docId, c, watcher, live }
}

const stateOf = (doc: Y.Doc) => Y.encodeStateAsUpdate(doc)

describe('what an update may write', () => {
  it('settings are the coordinators’ in review: a member’s change is dropped, a coordinator’s kept; in a draft a member may', async () => {
    const { member, coordinator, docId, watcher, live } = await setup('review')
    const byMember = await rawEditor(docId, member.cookie, watcher.doc)
    const before = stateOf(live)
    await byMember.send((d) => d.getMap('settings').set('clauseLabel', 'section'))
    await settle()
    expect(stateOf(live)).toEqual(before)
    expect(readSettings(watcher.doc).clauseLabel).toBe('article')

    const byCoordinator = await rawEditor(docId, coordinator.cookie, watcher.doc)
    await byCoordinator.send((d) => d.getMap('settings').set('language', 'en'))
    await vi.waitFor(() => expect(readSettings(watcher.doc).language).toBe('en'))

    await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: coordinator.cookie,
      body: { status: 'draft' },
    })
    const inDraft = await rawEditor(docId, member.cookie, watcher.doc)
    await inDraft.send((d) => d.getMap('settings').set('clauseLabel', 'numeric'))
    await vi.waitFor(() => expect(readSettings(watcher.doc).clauseLabel).toBe('numeric'))

    // A value or key that is no setting is dropped whoever sends it.
    const beforeNonsense = stateOf(live)
    await sendOnce(docId, coordinator.cookie, watcher.doc, (d) =>
      d.getMap('settings').set('language', 'x'.repeat(10_000)),
    )
    await sendOnce(docId, coordinator.cookie, watcher.doc, (d) =>
      d.getMap('settings').set('theme', 'dark'),
    )
    expect(stateOf(live)).toEqual(beforeNonsense)
    for (const e of [byMember, byCoordinator, inDraft]) e.close()
  })

  it('a shared type other than the body and settings is refused for everyone, the secretariat included: not stored, not relayed', async () => {
    const { docId, watcher, live } = await setup('draft')
    const admin = await t.adminCookie()
    const before = stateOf(live)
    await sendOnce(docId, admin, watcher.doc, (d) =>
      d.getMap('extra').set('blob', 'x'.repeat(100_000)),
    )
    await sendOnce(docId, admin, watcher.doc, (d) => d.getText('notes').insert(0, 'hidden'))
    await settle()
    expect(stateOf(live)).toEqual(before)
    expect(watcher.doc.share.has('extra')).toBe(false)
    const stored = await storedDoc(databaseFile(t.dataDir), docId)
    expect(stored.share.has('extra')).toBe(false)
  })

  it('the body holds only what the editor writes: an unknown mark or element is refused', async () => {
    const { member, docId, watcher, live } = await setup('draft')
    const before = stateOf(live)
    const edits: ((d: Y.Doc) => void)[] = [
      (d) => textOf(d, RULES).format(0, 3, { blink: true }),
      (d) => textOf(d, RULES).insertEmbed(0, { image: 'x' }),
      (d) => d.getXmlFragment('default').insert(0, [new Y.XmlElement('script')]),
      (d) => d.getXmlFragment('default').insert(0, [new Y.XmlText('loose text')]),
    ]
    for (const edit of edits) await sendOnce(docId, member.cookie, watcher.doc, edit)
    expect(stateOf(live)).toEqual(before)
  })

  describe('a suggestion’s author and time are the server’s', () => {
    const attribution = (authorId: string, authorName: string, at: string, id = 'sRaw1') => ({
      insertion: { id, authorId, authorName, at },
    })

    it('a suggestion under another name (“Secretariat”) reaches everyone under the sender’s real name', async () => {
      for (const status of ['draft', 'review'] as const) {
        const { member, docId, watcher } = await setup(status)
        const raw = await rawEditor(docId, member.cookie, watcher.doc)
        await raw.send((d) =>
          textOf(d, RULES).insert(
            0,
            'Also ',
            attribution(member.user.id, 'Secretariat', new Date().toISOString()),
          ),
        )
        await vi.waitFor(() =>
          expect(suggestionsIn(watcher.doc)).toMatchObject([
            { inserted: 'Also ', authorId: member.user.id, authorName: 'Maria Member' },
          ]),
        )
        raw.close()
      }
    })

    it('after a forged name is rewritten, others typing right after that suggestion are not refused', async () => {
      const { member, docId, c, watcher } = await setup('draft')
      await sendOnce(docId, member.cookie, watcher.doc, (d) =>
        textOf(d, RULES).insert(
          0,
          'Also ',
          attribution(member.user.id, 'Mallory Raw', new Date().toISOString()),
        ),
      )
      await vi.waitFor(() =>
        expect(suggestionsIn(c.doc)).toMatchObject([{ authorName: 'Maria Member' }]),
      )
      // The rewrite leaves no struct behind that still carries the forged name.
      const live = t.server.registry.loaded(docId)?.doc as Y.Doc
      const formats: unknown[] = []
      for (let item = textOf(live, RULES)._start; item; item = item.right) {
        if (!item.deleted && item.content instanceof Y.ContentFormat)
          formats.push(item.content.value)
      }
      expect(JSON.stringify(formats)).not.toContain('Mallory')
      // An honest editor typing at the end of the suggestion restores the attribution it holds.
      textOf(c.doc, RULES).insert(5, 'then ', {})
      await vi.waitFor(() =>
        expect(
          (textOf(watcher.doc, RULES).toDelta() as { insert: string }[])
            .map((d) => d.insert)
            .join(''),
        ).toContain('Also then The rules'),
      )
    })

    it('an impossible time, or a suggestion pasted from elsewhere (unknown here, someone else’s), becomes the sender’s, now', async () => {
      const { member, docId, watcher } = await setup('draft')
      const started = Date.now()
      await sendOnce(docId, member.cookie, watcher.doc, (d) =>
        textOf(d, RULES).insert(
          0,
          'Future ',
          attribution(member.user.id, 'Maria Member', '2099-01-01T00:00:00.000Z'),
        ),
      )
      await sendOnce(docId, member.cookie, watcher.doc, (d) =>
        textOf(d, [1, 1]).insert(
          0,
          'Pasted ',
          attribution('someone', 'Someone Else', '2020-01-01T00:00:00.000Z', 'sForeign'),
        ),
      )
      await vi.waitFor(() => expect(suggestionsIn(watcher.doc)).toHaveLength(2))
      for (const s of suggestionsIn(watcher.doc)) {
        expect(s).toMatchObject({ authorId: member.user.id, authorName: 'Maria Member' })
        expect(Date.parse(s.at)).toBeGreaterThanOrEqual(started - 1000)
        expect(Date.parse(s.at)).toBeLessThanOrEqual(Date.now())
      }
    })

    it('another person’s suggestion cannot be given another name or time, in a draft or in review; moving it keeps it theirs', async () => {
      const { member, coordinator, docId, c, watcher, live } = await setup('draft')
      const bob = await t.newUser('member', 'Bob Builder')
      const b = t.client(docId, bob.cookie)
      await b.synced()
      editAs(b.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
        authorId: bob.user.id,
        authorName: 'Bob Builder',
      })
      await vi.waitFor(() => expect(suggestionsIn(watcher.doc)).toHaveLength(1))
      const bobs = suggestionsIn(watcher.doc)[0] as ReturnType<typeof suggestionsIn>[number]
      const index = 'The rules apply to'.length
      for (const status of ['draft', 'review'] as const) {
        if (status === 'review') {
          await t.api('PATCH', `/api/documents/${docId}`, {
            cookie: coordinator.cookie,
            body: { status },
          })
        }
        const raw = await rawEditor(docId, member.cookie, watcher.doc)
        const before = stateOf(live)
        await raw.send((d) =>
          textOf(d, RULES).format(index, 4, {
            insertion: {
              ...attribution(bob.user.id, 'Evil', '2001-01-01T00:00:00.000Z', bobs.id).insertion,
            },
          }),
        )
        expect(stateOf(live), status).toEqual(before)
        raw.close()
      }
      await t.api('PATCH', `/api/documents/${docId}`, {
        cookie: coordinator.cookie,
        body: { status: 'draft' },
      })
      // A coordinator moves the suggested words elsewhere, their suggestion with them.
      const mover = await rawEditor(docId, coordinator.cookie, c.doc)
      await mover.send((d) => {
        textOf(d, RULES).delete(index, 4)
        textOf(d, [1, 1]).insert(0, ' all', {
          insertion: { id: bobs.id, authorId: bob.user.id, authorName: 'Bob Builder', at: bobs.at },
        })
      })
      await vi.waitFor(() =>
        expect(suggestionsIn(watcher.doc)).toMatchObject([
          { id: bobs.id, authorId: bob.user.id, authorName: 'Bob Builder', at: bobs.at },
        ]),
      )
      mover.close()
    })

    it('a malformed attribution (`at: "not a date"`) is refused in every status: nobody’s editor ever gets it', async () => {
      for (const status of ['draft', 'review'] as const) {
        const { member, coordinator, docId, watcher, live } = await setup(status)
        for (const cookie of [member.cookie, coordinator.cookie]) {
          const before = stateOf(live)
          await sendOnce(docId, cookie, watcher.doc, (d) =>
            textOf(d, RULES).insert(
              0,
              'Bad ',
              attribution(member.user.id, 'Maria Member', 'not a date'),
            ),
          )
          await sendOnce(docId, cookie, watcher.doc, (d) => {
            const block = d.getXmlFragment('default').get(1) as Y.XmlElement
            block.setAttribute('suggestion', { kind: 'deletion', id: 'sX' } as unknown as string)
          })
          await settle()
          expect(stateOf(live), status).toEqual(before)
        }
        expect(suggestionsIn(watcher.doc)).toEqual([])
      }
      reportFigure('24 update rules', {
        settingsByMemberInReview: 'dropped',
        unknownSharedTypes: 'dropped',
        forgedName: 'rewritten to the sender',
        othersAttribution: 'dropped',
        malformedAttribution: 'dropped',
      })
    })
  })
})
