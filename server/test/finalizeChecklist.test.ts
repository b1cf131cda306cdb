import type {
  AuditEntry,
  DocumentInfo,
  Finalization,
  OpenItems,
  VersionInfo,
} from '@accord/protocol'
import { describe, expect, it, vi } from 'vitest'
import { anchorOnWords } from './utils/anchors.js'
import { editAs, plainText, posOf, suggestionsIn, twoClauses, writeBody } from './utils/editAs.js'
import { useTestServer } from './utils/useTestServer.js'

const t = useTestServer()
/** Room for a loaded machine (and PostgreSQL) in waits for what other clients receive. */
const WAIT = { timeout: 10_000 }

/** A document in review with one open suggestion (by a member) and one open comment. */
const withOpenItems = async () => {
  const member = await t.newUser('member', 'Maria Member')
  const coordinator = await t.newUser('coordinator', 'Chris Coordinator')
  const admin = await t.adminCookie()
  const docId = await t.newDocument(coordinator.cookie, 'Charter')
  const m = t.client(docId, member.cookie)
  await m.synced()
  writeBody(m.doc, twoClauses)
  editAs(m.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
    authorId: member.user.id,
    authorName: member.user.name,
  })
  const thread = await t.api<{ thread: { id: string } }>(
    'POST',
    `/api/documents/${docId}/comments`,
    {
      cookie: member.cookie,
      body: {
        body: 'Which members?',
        quote: 'members',
        anchor: anchorOnWords(m.doc, 'The rules', 'members'),
        clauseId: 'scope',
      },
    },
  )
  expect(thread.status).toBe(201)
  const open = () =>
    t.api<OpenItems>('GET', `/api/documents/${docId}/open-items`, { cookie: member.cookie })
  await vi.waitFor(async () => expect((await open()).body.suggestions).toHaveLength(1), WAIT)
  const finalize = (body: Record<string, unknown>, cookie = admin) =>
    t.api<DocumentInfo & { error?: { code: string; details?: unknown } }>(
      'PATCH',
      `/api/documents/${docId}`,
      { cookie, body: { status: 'final', ...body } },
    )
  const read = <T>(path: string) =>
    t.api<T>('GET', `/api/documents/${docId}${path}`, { cookie: member.cookie })
  return {
    member,
    coordinator,
    admin,
    docId,
    m,
    threadId: thread.body.thread.id,
    open,
    finalize,
    read,
  }
}

describe('finalize checklist', () => {
  it('lists what is open and refuses to finalize over it without a decision (409 with the counts)', async () => {
    const { open, finalize, read, m, threadId } = await withOpenItems()
    const items = (await open()).body
    expect(items.suggestions).toEqual([
      expect.objectContaining({
        kind: 'insertion',
        inserted: ' all',
        authorName: 'Maria Member',
        clauseId: 'scope',
      }),
    ])
    expect(items.comments).toEqual([
      expect.objectContaining({
        threadId,
        quote: 'members',
        messages: [expect.objectContaining({ author: 'Maria Member', body: 'Which members?' })],
      }),
    ])

    const refused = await finalize({})
    expect(refused.status).toBe(409)
    expect(refused.body.error).toMatchObject({
      code: 'open_items',
      details: { suggestions: 1, comments: 1 },
    })
    expect((await read<DocumentInfo>('')).body.status).toBe('draft')
    expect(suggestionsIn(m.doc)).toHaveLength(1)
    m.destroy()
  })

  it('bad decisions are refused with 400 and change nothing', async () => {
    const { finalize, admin, docId, read, m } = await withOpenItems()
    for (const body of [
      { openItems: { decision: 'finalizeAnyway' } },
      { openItems: { decision: 'finalizeAnyway', reason: '   ' } },
      { openItems: { decision: 'finalizeAnyway', reason: 'x'.repeat(2001) } },
      { openItems: { decision: 'ignore' } },
      { openItems: 'appendix' },
    ]) {
      const res = await finalize(body)
      expect(res.status, JSON.stringify(body)).toBe(400)
      expect(res.body.error?.code).toBe('validation_failed')
    }
    const notFinal = await t.api<{ error: { code: string } }>('PATCH', `/api/documents/${docId}`, {
      cookie: admin,
      body: { status: 'review', openItems: { decision: 'appendix' } },
    })
    expect(notFinal.status).toBe(400)
    expect((await read<DocumentInfo>('')).body.status).toBe('draft')
    expect(suggestionsIn(m.doc)).toHaveLength(1)
    m.destroy()
  })

  it('only the secretariat finalizes, decision or not', async () => {
    const { finalize, coordinator, read, m } = await withOpenItems()
    const res = await finalize({ openItems: { decision: 'appendix' } }, coordinator.cookie)
    expect(res.status).toBe(403)
    expect((await read<DocumentInfo>('')).body.status).toBe('draft')
    m.destroy()
  })

  it('"appendix": open suggestions leave the text and, with the open comments, are kept as the appendix of the final text', async () => {
    const { finalize, read, m, threadId } = await withOpenItems()
    const res = await finalize({ openItems: { decision: 'appendix' } })
    expect(res.status).toBe(200)
    expect(res.body.status).toBe('final')

    // Every client sees the text without the suggestion nobody can decide any more.
    await vi.waitFor(() => expect(suggestionsIn(m.doc)).toEqual([]), WAIT)
    expect(plainText(m.doc)).toContain('The rules apply to members.')
    expect((await read<OpenItems>('/open-items')).body.suggestions).toEqual([])

    const finalization = (await read<Finalization>('/finalization')).body
    expect(finalization).toMatchObject({
      decision: 'appendix',
      reason: null,
      finalizedBy: { name: 'Secretariat' },
      appendix: {
        suggestions: [expect.objectContaining({ inserted: ' all', authorName: 'Maria Member' })],
        comments: [expect.objectContaining({ threadId, quote: 'members' })],
      },
    })
    const versions = (await read<{ versions: VersionInfo[] }>('/versions')).body.versions
    // An automatic version may be kept at the same moment: look the final one up by its id.
    expect(versions.find((v) => v.id === finalization.versionId)).toMatchObject({ name: 'Final' })
    const finalText = await read<{ content: unknown }>(`/versions/${finalization.versionId}`)
    expect(JSON.stringify(finalText.body.content)).not.toContain('suggestion":{')
    expect(JSON.stringify(finalText.body.content)).not.toContain(' all')
    m.destroy()
  })

  it('"finalizeAnyway": the reason is recorded in the finalization and the audit log', async () => {
    const { finalize, read, m } = await withOpenItems()
    const res = await finalize({
      openItems: { decision: 'finalizeAnyway', reason: '  Adopted at the plenary of 3 June  ' },
    })
    expect(res.status).toBe(200)
    await vi.waitFor(() => expect(suggestionsIn(m.doc)).toEqual([]), WAIT)
    expect((await read<Finalization>('/finalization')).body).toMatchObject({
      decision: 'finalizeAnyway',
      reason: 'Adopted at the plenary of 3 June',
      appendix: null,
    })
    const activity = await read<{ entries: AuditEntry[] }>('/activity')
    const entry = activity.body.entries.find((e) => e.action === 'document.statusChanged')
    expect(entry?.details).toMatchObject({
      from: 'draft',
      to: 'final',
      openItems: {
        decision: 'finalizeAnyway',
        reason: 'Adopted at the plenary of 3 June',
        suggestions: 1,
        comments: 1,
      },
    })
    m.destroy()
  })

  it('with everything resolved, no decision is needed', async () => {
    const { finalize, read, docId, coordinator, threadId, m } = await withOpenItems()
    const accepted = await t.api('POST', `/api/documents/${docId}/suggestions/decisions`, {
      cookie: coordinator.cookie,
      body: { decision: 'accept', all: true },
    })
    expect(accepted.status).toBe(200)
    const resolved = await t.api('PATCH', `/api/documents/${docId}/comments/${threadId}`, {
      cookie: coordinator.cookie,
      body: { status: 'resolved' },
    })
    expect(resolved.status).toBe(200)
    const res = await finalize({})
    expect(res.status).toBe(200)
    expect((await read<Finalization>('/finalization')).body).toMatchObject({
      decision: 'none',
      appendix: null,
    })
    await vi.waitFor(
      () => expect(plainText(m.doc)).toContain('The rules apply to all members.'),
      WAIT,
    )
    m.destroy()
  })

  it('a document never made final has no finalization (404); an unknown one is 404 too', async () => {
    const { read, member } = await withOpenItems()
    expect((await read<{ error: { code: string } }>('/finalization')).status).toBe(404)
    const unknown = await t.api('GET', '/api/documents/nosuchdocument/open-items', {
      cookie: member.cookie,
    })
    expect(unknown.status).toBe(404)
  })

  it('exports of the final text say "Final text" with the date it became final, and carry the appendix; a review copy is named as one', async () => {
    const { finalize, read, docId, member } = await withOpenItems()
    expect((await finalize({ openItems: { decision: 'appendix' } })).status).toBe(200)
    const finalization = (await read<Finalization>('/finalization')).body
    const day = finalization.finalizedAt.slice(0, 10)
    const download = async (query: string) => {
      const res = await fetch(`${t.url}/api/documents/${docId}/export?${query}`, {
        headers: { cookie: member.cookie },
      })
      expect(res.status, query).toBe(200)
      return {
        name: decodeURIComponent(
          /filename\*=UTF-8''([^;]+)/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? '',
        ),
        text: await res.text(),
      }
    }
    for (const query of ['format=md', `format=md&version=${finalization.versionId}`]) {
      const file = await download(query)
      expect(file.name, query).toBe(`Charter - Окончательный текст - ${day}.md`)
      expect(file.text, query).toContain('Окончательный текст')
      expect(file.text, query).not.toContain('Текущий текст')
      expect(file.text, query).toContain('Предложения, открытые при утверждении')
      expect(file.text, query).toContain('Вставить: « all»')
      expect(file.text, query).toContain('Комментарии, открытые при утверждении')
      expect(file.text, query).toContain('Which members?')
    }
    const review = await download('format=md&comments=open')
    expect(review.name).toBe(`Charter - Окончательный текст - копия для рассмотрения - ${day}.md`)
  })
})
