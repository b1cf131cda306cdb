import type { CommentThread, Compilation, DispositionImportReport } from '@accord/protocol'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { anchorOver } from './utils/anchors.js'
import { editAs, posOf, twoClauses, writeBody } from './utils/editAs.js'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

/**
 * Comment disposition over HTTP: a member's typed comment, a coordinator's decision, the
 * compilation as every format, an offline template imported, and every bad input refused
 * with a clear 4xx and nothing changed.
 */
describe('comment disposition over HTTP', () => {
  let t: TestServer
  let member: string
  let observer: string
  let coordinator: string
  let docId: string
  let client: TestClient
  let thread: CommentThread

  beforeAll(async () => {
    t = await newTestServer()
    member = (await t.newUser('member', 'Мария')).cookie
    observer = (await t.newUser('observer', 'Олег')).cookie
    coordinator = (await t.newUser('coordinator', 'Катя')).cookie
    docId = await t.newDocument(member, 'Правила')
    client = newTestClient(t.wsUrl, docId, member)
    await client.synced()
    writeBody(client.doc, twoClauses)
    const anchor = anchorOver(client.doc, 0, 5)
    const me = await t.api('PATCH', '/api/me', {
      cookie: member,
      body: { organization: 'Город Пермь' },
    })
    expect(me.body).toMatchObject({ user: { organization: 'Город Пермь' } })
    // The server has the clauses once a comment anchored in them is taken.
    thread = await vi.waitFor(async () => {
      const created = await t.api<{ thread: CommentThread }>(
        'POST',
        `/api/documents/${docId}/comments`,
        {
          cookie: member,
          body: {
            body: '<script>alert(1)</script> слишком узко',
            quote: 'Scope',
            anchor,
            clauseId: 'scope',
            type: 'technical',
            proposedChange: 'Правила применяются ко всем',
          },
        },
      )
      expect(created.status).toBe(201)
      return created.body.thread
    })
  })
  afterAll(async () => {
    client.destroy()
    await t.close()
  })

  const patch = (cookie: string, body: unknown, id = thread.id, doc = docId) =>
    t.api<{ thread: CommentThread }>('PATCH', `/api/documents/${doc}/comments/${id}`, {
      cookie,
      body,
    })
  const compilation = async () =>
    (await t.api<Compilation>('GET', `/api/documents/${docId}/disposition`, { cookie: observer }))
      .body

  it('a coordinator records a decision; it is in the thread and the compilation', async () => {
    expect(thread).toMatchObject({
      type: 'technical',
      proposedChange: 'Правила применяются ко всем',
    })
    const res = await patch(coordinator, {
      disposition: { decision: 'rejected', reason: 'Вне области' },
    })
    expect(res.status).toBe(200)
    expect(res.body.thread.disposition).toMatchObject({
      decision: 'rejected',
      reason: 'Вне области',
    })
    const row = (await compilation()).rows.find((r) => r.id === thread.id)
    expect(row).toMatchObject({
      clauseNumber: '1',
      author: 'Мария',
      organization: 'Город Пермь',
      type: 'technical',
      comment: '<script>alert(1)</script> слишком узко',
      decision: 'rejected',
      reason: 'Вне области',
    })
  })

  it('every format downloads with its type and name', async () => {
    for (const [format, type] of [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
      ['csv', 'text/csv; charset=utf-8'],
    ] as const) {
      const res = await fetch(
        `${t.url}/api/documents/${docId}/disposition?format=${format}&lang=ru`,
        {
          headers: { cookie: observer },
        },
      )
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      expect(res.headers.get('content-disposition')).toMatch(
        new RegExp(
          `attachment; filename="?compilation-of-comments-\\d{4}-\\d{2}-\\d{2}\\.${format}"?$`,
        ),
      )
      const bytes = new Uint8Array(await res.arrayBuffer())
      if (format === 'csv') {
        const text = new TextDecoder().decode(bytes)
        expect(text).toContain('"Замечания секретариата"')
        expect(text).toContain('"Отклонено","Вне области"')
      }
    }
  })

  it('an observer or a member may not decide: 403, nothing recorded', async () => {
    const fresh = await t.api<{ thread: CommentThread }>(
      'POST',
      `/api/documents/${docId}/comments`,
      {
        cookie: observer,
        body: { body: 'мой', quote: 'Scope', anchor: anchorOver(client.doc, 0, 5) },
      },
    )
    for (const cookie of [observer, member]) {
      const res = await patch(
        cookie,
        { disposition: { decision: 'accepted' } },
        fresh.body.thread.id,
      )
      expect(res.status).toBe(403)
      expect(res.body).toMatchObject({ error: { code: 'forbidden' } })
    }
    const row = (await compilation()).rows.find((r) => r.id === fresh.body.thread.id)
    expect(row?.decision).toBeNull()
  })

  it('bad input: a clear 400/404/413, the decision unchanged', async () => {
    const cases: [unknown, number, string][] = [
      [{ disposition: { decision: 'maybe' } }, 400, 'validation_failed'],
      [
        { disposition: { decision: 'accepted', reason: 'я'.repeat(10_001) } },
        400,
        'validation_failed',
      ],
      [{ type: 'opinion' }, 400, 'validation_failed'],
      [{}, 400, 'validation_failed'],
      [{ disposition: { decision: 'accepted' }, extra: 1 }, 400, 'validation_failed'],
    ]
    for (const [body, status, code] of cases) {
      const res = await patch(coordinator, body)
      expect([res.status, (res.body as { error?: { code: string } }).error?.code]).toEqual([
        status,
        code,
      ])
    }
    const malformed = await t.api('PATCH', `/api/documents/${docId}/comments/${thread.id}`, {
      cookie: coordinator,
      raw: '{"disposition": ',
      headers: { 'content-type': 'application/json' },
    })
    expect(malformed.status).toBe(400)
    expect(malformed.body).toMatchObject({ error: { code: 'invalid_json' } })
    expect((await patch(coordinator, { disposition: null }, 'nope')).status).toBe(404)
    expect((await patch(coordinator, { disposition: null }, thread.id, 'nope')).status).toBe(404)
    const huge = await patch(coordinator, {
      disposition: { decision: 'accepted', reason: 'x'.repeat(300_000) },
    })
    expect(huge.status).toBe(413)
    const row = (await compilation()).rows.find((r) => r.id === thread.id)
    expect(row).toMatchObject({ decision: 'rejected', reason: 'Вне области' })
  })

  it('the compilation: unknown format 400, unknown document 404, signed out 401', async () => {
    const bad = await t.api('GET', `/api/documents/${docId}/disposition?format=pdf`, {
      cookie: observer,
    })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toContain('docx, xlsx, csv')
    expect(
      (await t.api('GET', '/api/documents/nope/disposition', { cookie: observer })).status,
    ).toBe(404)
    expect((await t.api('GET', `/api/documents/${docId}/disposition`)).status).toBe(401)
  })

  it('a decision on a suggestion, changed, then the suggestion accepted: the row stays', async () => {
    const memberId = (await t.api<{ user: { id: string } }>('GET', '/api/me', { cookie: member }))
      .body.user.id
    editAs(client.doc, (tr) => tr.insertText(' all', posOf(tr.doc, ' members')), {
      authorId: memberId,
      authorName: 'Мария',
    })
    const suggestionId = await vi.waitFor(async () => {
      const { body } = await t.api<{ suggestions: { id: string }[] }>(
        'GET',
        `/api/documents/${docId}/suggestions`,
        { cookie: observer },
      )
      expect(body.suggestions).toHaveLength(1)
      return body.suggestions[0]?.id as string
    })
    const at = `/api/documents/${docId}/suggestions/${suggestionId}`
    for (const decision of ['accepted', 'acceptedInPrinciple']) {
      const res = await t.api('PATCH', at, {
        cookie: coordinator,
        body: { disposition: { decision, reason: decision } },
      })
      expect(res.status).toBe(200)
      expect(res.body).toMatchObject({
        disposition: { decision, suggestion: { inserted: ' all' } },
      })
    }
    const accepted = await t.api('POST', `/api/documents/${docId}/suggestions/decisions`, {
      cookie: coordinator,
      body: { decision: 'accept', ids: [suggestionId] },
    })
    expect(accepted.status).toBe(200)
    const row = (await compilation()).rows.find((r) => r.id === suggestionId)
    expect(row).toMatchObject({
      source: 'suggestion',
      clauseNumber: '1',
      organization: 'Город Пермь',
      proposedChange: ' all',
      decision: 'acceptedInPrinciple',
    })
  })

  it('suggestion decisions: unknown suggestion 404, observer 403, bad body 400', async () => {
    const at = (id: string) => `/api/documents/${docId}/suggestions/${id}`
    const body = { disposition: { decision: 'noted', reason: '' } }
    expect((await t.api('PATCH', at('nope'), { cookie: coordinator, body })).status).toBe(404)
    expect((await t.api('PATCH', at('nope'), { cookie: observer, body })).status).toBe(403)
    expect(
      (await t.api('PATCH', at('nope'), { cookie: coordinator, body: { disposition: 'yes' } }))
        .status,
    ).toBe(400)
  })

  it('a template imported over HTTP; bad files and roles refused, nothing created', async () => {
    const workbook = new ExcelJS.Workbook()
    const sheet = workbook.addWorksheet('Замечания')
    sheet.addRow([
      'Организация',
      'Пункт/подпункт',
      'Тип замечания',
      'Замечание',
      'Предлагаемое изменение',
    ])
    sheet.addRow(['Город Самара', '2', 'ed', 'Опечатка в терминах', 'Термины'])
    sheet.addRow(['Город Самара', '9', 'ed', 'Нет такого пункта', ''])
    const file = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64')
    const url = `/api/documents/${docId}/disposition/import`
    const count = async () => (await compilation()).rows.length
    const before = await count()
    expect((await t.api('POST', url, { cookie: member, body: { file } })).status).toBe(403)
    expect(
      (await t.api('POST', url, { cookie: coordinator, body: { file: 'не base64' } })).status,
    ).toBe(400)
    const notZip = await t.api('POST', url, {
      cookie: coordinator,
      body: { file: Buffer.from('plain text').toString('base64') },
    })
    expect(notZip.status).toBe(400)
    expect(JSON.stringify(notZip.body)).toContain('neither a DOCX nor an XLSX')
    expect(
      (await t.api('POST', url, { cookie: coordinator, body: { file: 'A'.repeat(400_000) } }))
        .status,
    ).toBe(413)
    expect(await count()).toBe(before)
    const res = await t.api<DispositionImportReport>('POST', url, {
      cookie: coordinator,
      body: { file },
    })
    expect(res.status).toBe(201)
    expect(res.body).toMatchObject({
      created: 1,
      unplaced: [{ row: 3, clause: '9', reason: 'no clause 9 in the text' }],
    })
    const row = (await compilation()).rows.find((r) => r.id === res.body.threads[0])
    expect(row).toMatchObject({
      clauseNumber: '2',
      author: 'Город Самара',
      organization: 'Город Самара',
      type: 'editorial',
      proposedChange: 'Термины',
    })
  })
})
