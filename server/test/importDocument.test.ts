import {
  type CommentThread,
  type DocumentInfo,
  type ImportPreview,
  type ImportResult,
  importedAuthorId,
} from '@accord/protocol'
import { decodeAnchor, docToJSON, resolveAnchor } from '@accord/schema'
import { markedUpDraft } from '@accord/test-support'
import { strFromU8 } from 'fflate'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { newTestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { repack } from './utils/wordFiles.js'

interface Answer<T> {
  status: number
  body: T
}

/** Uploads a file as the browser's form does (multipart/form-data). */
const upload = async <T>(
  t: TestServer,
  cookie: string | undefined,
  name: string,
  bytes: Uint8Array,
  { query = '', title, origin }: { query?: string; title?: string; origin?: string } = {},
): Promise<Answer<T>> => {
  const form = new FormData()
  form.append('file', new Blob([bytes]), name)
  if (title) form.append('title', title)
  const res = await fetch(`${t.url}/api/documents/import${query}`, {
    method: 'POST',
    body: form,
    headers: { ...(cookie ? { cookie } : {}), ...(origin ? { origin } : {}) },
  })
  return { status: res.status, body: (await res.json()) as T }
}

type ErrorAnswer = { error: { code: string; message: string; details?: { reason?: string } } }

describe('POST /api/documents/import', () => {
  let t: TestServer
  let member: { cookie: string }
  let observer: { cookie: string }
  let draft: Uint8Array

  const documentCount = async () =>
    (await t.api<{ documents: DocumentInfo[] }>('GET', '/api/documents', { cookie: member.cookie }))
      .body.documents.length

  beforeAll(async () => {
    t = await newTestServer({ MAX_IMPORT_BYTES: String(512 * 1024) })
    member = await t.newUser('member')
    observer = await t.newUser('observer')
    draft = await markedUpDraft()
  })
  afterAll(async () => {
    await t.close()
  })

  it('creates the document with its clauses, its comments as threads and its tracked changes as suggestions', async () => {
    const res = await upload<ImportResult>(t, member.cookie, 'Положение.docx', draft)
    expect(res.status).toBe(201)
    expect(res.body.document.title).toBe('Положение о сотрудничестве')
    expect(res.body.report).toMatchObject({
      format: 'docx',
      clauses: 2,
      comments: 1,
      suggestions: 2,
    })
    const id = res.body.document.id

    const threads = (
      await t.api<{ threads: CommentThread[] }>('GET', `/api/documents/${id}/comments`, {
        cookie: observer.cookie,
      })
    ).body.threads
    expect(threads).toHaveLength(1)
    const thread = threads[0] as CommentThread
    expect(thread.quote).toBe('десяти дней')
    expect(thread.messages.map((m) => [m.author.name, m.body, m.createdAt, m.imported])).toEqual([
      ['Анна Петрова', 'Уточнить срок', '2024-03-01T10:00:00.000Z', true],
      ['John Smith', 'Agreed: 30 days', '2024-03-02T11:00:00.000Z', true],
    ])

    // A real client sees the same text: the thread sits on its words, the suggestions carry
    // the original author's name, the clauses are there.
    const client = newTestClient(t.wsUrl, id, member.cookie)
    try {
      await client.synced()
      const positions = decodeAnchor(thread.anchor)
      expect(positions).toBeDefined()
      const where = positions ? resolveAnchor(client.doc, positions) : undefined
      expect(where).toMatchObject({ kind: 'anchored', text: 'десяти дней' })
      const json = JSON.stringify(docToJSON(client.doc))
      expect(json).toContain('"authorName":"Олег Сидоров"')
      expect(json.match(/"type":"clause"/g)).toHaveLength(2)
      expect(json).toContain(`"id":"${thread.clauseId}"`)
    } finally {
      client.destroy()
    }
  })

  it("the round goes on: a coordinator accepts the imported author's suggestions", async () => {
    const coordinator = await t.newUser('coordinator')
    const res = await upload<ImportResult>(t, member.cookie, 'draft.docx', draft)
    const id = res.body.document.id
    const listed = await t.api<{ suggestions: { authorId: string; authorName: string }[] }>(
      'GET',
      `/api/documents/${id}/suggestions`,
      { cookie: coordinator.cookie },
    )
    const authors = new Set(listed.body.suggestions.map((s) => s.authorId))
    expect([...authors]).toEqual([importedAuthorId('Олег Сидоров')])
    const decided = await t.api('POST', `/api/documents/${id}/suggestions/decisions`, {
      cookie: coordinator.cookie,
      body: { decision: 'accept', authorId: importedAuthorId('Олег Сидоров') },
    })
    expect(decided.status).toBe(200)
    const client = newTestClient(t.wsUrl, id, member.cookie)
    try {
      await client.synced()
      await vi.waitFor(() => {
        const json = JSON.stringify(docToJSON(client.doc))
        expect(json).toContain('Срок составляет тридцать дней.')
        expect(json).not.toContain('"authorName"')
      })
    } finally {
      client.destroy()
    }
  })

  it('takes the title from the form', async () => {
    const res = await upload<ImportResult>(t, member.cookie, 'draft.docx', draft, {
      title: 'Проект 2',
    })
    expect(res.status).toBe(201)
    expect(res.body.document.title).toBe('Проект 2')
  })

  it('previews with ?dryRun=1 and creates nothing', async () => {
    const before = await documentCount()
    const res = await upload<ImportPreview>(t, member.cookie, 'draft.docx', draft, {
      query: '?dryRun=1',
    })
    expect(res.status).toBe(200)
    expect(res.body.report).toMatchObject({
      clauses: 2,
      comments: 1,
      suggestions: 2,
      tables: 0,
      footnotes: 0,
    })
    expect(res.body.outline.map((e) => [e.number, e.heading])).toEqual([
      ['1', 'Предмет'],
      ['2', 'Сроки'],
    ])
    expect(await documentCount()).toBe(before)
  })

  it('a macro-enabled .docm is imported, its macros ignored and said so', async () => {
    const docm = repack(draft, (p) => {
      p['[Content_Types].xml'] = new TextEncoder().encode(
        strFromU8(p['[Content_Types].xml'] ?? new Uint8Array()).replace(
          'wordprocessingml.document.main+xml',
          'wordprocessingml.document.main+xml" /><Override PartName="/word/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject',
        ),
      )
      p['word/vbaProject.bin'] = new Uint8Array(1024).fill(7)
    })
    const res = await upload<ImportResult>(t, member.cookie, 'draft.docm', docm)
    expect(res.status).toBe(201)
    expect(res.body.report.warnings.map((w) => w.code)).toContain('macros_ignored')
  })

  describe('bad input: a clear error, nothing created, the server unaffected', () => {
    const cases: [string, string, () => Uint8Array, string][] = [
      ['a 0-byte file', 'draft.docx', () => new Uint8Array(), 'empty_file'],
      [
        'a type not imported',
        'draft.pdf',
        () => new TextEncoder().encode('%PDF-1.7'),
        'unknown_type',
      ],
      [
        'a text named .docx',
        'draft.docx',
        () => new TextEncoder().encode('Статья 1'),
        'not_what_it_says',
      ],
      ['a Word file named .md', 'draft.md', () => draft, 'not_what_it_says'],
      [
        'a zip bomb',
        'draft.docx',
        () =>
          repack(draft, (p) => {
            p['word/document.xml'] = new Uint8Array(8 * 1024 * 1024).fill(0x20)
          }),
        'zip_bomb',
      ],
      [
        'XML with an external entity',
        'draft.docx',
        () =>
          repack(draft, (p) => {
            const xml = strFromU8(p['word/document.xml'] ?? new Uint8Array())
            p['word/document.xml'] = new TextEncoder().encode(
              xml.replace(
                /^<\?xml[^>]*\?>/,
                '<?xml version="1.0"?><!DOCTYPE w:document [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
              ),
            )
          }),
        'xml_entities',
      ],
      [
        'broken relationships',
        'draft.docx',
        () =>
          repack(draft, (p) => {
            delete p['word/document.xml']
          }),
        'broken_package',
      ],
    ]

    it.each(cases)('%s', async (_what, name, bytes, reason) => {
      // Built first: zipping blocks the event loop, and a pooled connection the server closed
      // meanwhile must be noticed (by this request's await) before the upload reuses it.
      const file = bytes()
      const before = await documentCount()
      const res = await upload<ErrorAnswer>(t, member.cookie, name, file)
      expect(res.status).toBe(400)
      expect(res.body.error.code).toBe('unsupported_file')
      expect(res.body.error.details?.reason).toBe(reason)
      expect(res.body.error.message.length).toBeGreaterThan(10)
      expect(await documentCount()).toBe(before)
      expect((await t.api('GET', '/api/health')).status).toBe(200)
    })

    it('a file over the size limit: 413 while it arrives', async () => {
      const before = await documentCount()
      const big = new Uint8Array(600 * 1024).fill(0x41)
      const res = await upload<ErrorAnswer>(t, member.cookie, 'big.md', big)
      expect(res.status).toBe(413)
      expect(res.body.error.code).toBe('too_large')
      expect(res.body.error.message).toContain('0.5 MiB')
      expect(await documentCount()).toBe(before)
    })

    it('no file, no session, an observer, another origin', async () => {
      const noFile = await fetch(`${t.url}/api/documents/import`, {
        method: 'POST',
        body: (() => {
          const form = new FormData()
          form.append('title', 'x')
          return form
        })(),
        headers: { cookie: member.cookie },
      })
      expect(noFile.status).toBe(400)
      expect((await upload<ErrorAnswer>(t, undefined, 'draft.docx', draft)).status).toBe(401)
      const observed = await upload<ErrorAnswer>(t, observer.cookie, 'draft.docx', draft)
      expect(observed.status).toBe(403)
      const crossSite = await upload<ErrorAnswer>(t, member.cookie, 'draft.docx', draft, {
        origin: 'https://evil.example',
      })
      expect(crossSite.status).toBe(403)
      // Multipart is taken on the import path only.
      const elsewhere = await fetch(`${t.url}/api/documents`, {
        method: 'POST',
        body: new FormData(),
        headers: { cookie: member.cookie },
      })
      expect(elsewhere.status).toBe(415)
    })
  })
})
