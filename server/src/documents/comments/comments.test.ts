import { ErrorCode, ROLES } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { anchorOver } from '../../../test/utils/anchors.js'
import {
  type DocumentsHarness,
  documentsHarness,
  outcome,
} from '../../../test/utils/documentsHarness.js'
import { writeBody } from '../../../test/utils/editAs.js'

describe('comment operations, without HTTP', () => {
  let h: DocumentsHarness
  beforeAll(async () => {
    h = await documentsHarness()
  })
  afterAll(() => h.close())

  const paragraph = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'The rules apply.' }] }],
  }
  const documentWithText = async () => {
    const doc = await h.documents.create(h.people.member, { title: 'Rules', language: 'en' })
    const anchor = await h.registry.read(doc.id, (live) => {
      writeBody(live.doc, paragraph)
      return anchorOver(live.doc, 4, 5)
    })
    return { id: doc.id, anchor }
  }

  it('every role comments; each thread is audited and published to the document', async () => {
    const { id, anchor } = await documentWithText()
    const published = h.published.length
    for (const role of ROLES) {
      await h.documents.createThread(h.people[role], id, { body: role, quote: 'rules', anchor })
    }
    const threads = await h.documents.listThreads(h.people.observer, id)
    expect(threads.map((t) => t.messages[0]?.body)).toEqual([...ROLES])
    const created = (await h.auditOf(id)).filter((e) => e.action === 'comment.created')
    expect(created.map((e) => e.user?.id)).toEqual(ROLES.map((role) => h.people[role].id))
    expect(h.published.slice(published).map((p) => [p.documentId, p.event.type])).toEqual(
      ROLES.map(() => [id, 'thread']),
    )
  })

  it('an anchor from another document is invalid, and nothing is stored', async () => {
    const { id } = await documentWithText()
    const other = await documentWithText()
    expect(
      await outcome(
        h.documents.createThread(h.people.member, id, {
          body: 'x',
          quote: 'rules',
          anchor: other.anchor,
        }),
      ),
    ).toBe(`invalid:${ErrorCode.validation}`)
    expect(await h.documents.listThreads(h.people.member, id)).toEqual([])
  })

  it('resolving: the thread’s author, coordinators and the secretariat; audited only when it changes', async () => {
    const { id, anchor } = await documentWithText()
    const thread = await h.documents.createThread(h.people.member, id, {
      body: 'Why?',
      quote: 'rules',
      anchor,
    })
    const at = [id, thread.id] as const
    expect(
      await outcome(h.documents.updateThread(h.people.observer, ...at, { status: 'resolved' })),
    ).toBe(`forbidden:${ErrorCode.forbidden}`)
    for (const role of ['member', 'coordinator', 'secretariat'] as const) {
      const status = role === 'coordinator' ? 'open' : 'resolved'
      expect((await h.documents.updateThread(h.people[role], ...at, { status })).status).toBe(
        status,
      )
    }
    await h.documents.updateThread(h.people.secretariat, ...at, { status: 'resolved' })
    const actions = (await h.auditOf(id))
      .map((e) => e.action)
      .filter((a) => a !== 'document.created')
    expect(actions).toEqual([
      'comment.created',
      'comment.resolved',
      'comment.reopened',
      'comment.resolved',
    ])
  })

  it('only its author edits or deletes a message; the last message takes the thread with it', async () => {
    const { id, anchor } = await documentWithText()
    const thread = await h.documents.createThread(h.people.member, id, {
      body: 'Why?',
      quote: 'rules',
      anchor,
    })
    const message = {
      documentId: id,
      threadId: thread.id,
      messageId: thread.messages[0]?.id as string,
    }
    for (const role of ['observer', 'coordinator', 'secretariat'] as const) {
      expect(await outcome(h.documents.editMessage(h.people[role], message, { body: 'x' }))).toBe(
        `forbidden:${ErrorCode.forbidden}`,
      )
      expect(await outcome(h.documents.deleteMessage(h.people[role], message))).toBe(
        `forbidden:${ErrorCode.forbidden}`,
      )
    }
    const edited = await h.documents.editMessage(h.people.member, message, { body: 'Why not?' })
    expect(edited.messages[0]?.body).toBe('Why not?')
    expect(await h.documents.deleteMessage(h.people.member, message)).toBeUndefined()
    expect(h.published.at(-1)).toEqual({
      documentId: id,
      event: { type: 'threadDeleted', threadId: thread.id },
    })
    const actions = (await h.auditOf(id)).map((e) => e.action)
    expect(actions.slice(-2)).toEqual(['comment.edited', 'comment.deleted'])
  })
})
