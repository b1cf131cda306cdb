import fs from 'node:fs'
import type { CommentThread, VersionInfo } from '@accord/protocol'
import { jsonToUpdate, textToDocument } from '@accord/schema'
import { validateAkn } from '@accord/test-support'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { newTestClient, type TestClient } from './utils/newTestClient.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

const SHARED = new URL('../../../shared/', import.meta.url)
const DECLARATION = fs.readFileSync(
  new URL('samples/cities-coalition-declaration.ru.txt', SHARED),
  'utf8',
)
const TITLE = 'Декларация Коалиции городов за цифровые права'
const FIRST_CLAUSE = 'Статья 1. Всеобщий и равный доступ к интернету и цифровая грамотность'
const EVIL = '<script>alert(1)</script> & Co'

/** A comment anchor over the first characters of the title heading, as the API takes it. */
const anchorOverTitle = (doc: Y.Doc, length: number) => {
  const heading = doc
    .getXmlFragment('default')
    .toArray()
    .find(
      (node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'heading',
    )
  const text = heading?.get(0) as Y.XmlText
  const encode = (index: number, assoc: number) =>
    Buffer.from(
      Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)),
    ).toString('base64')
  return { start: encode(0, 0), end: encode(length, -1) }
}

describe('export: GET /api/documents/:id/export', () => {
  let t: TestServer
  let member: { cookie: string }
  let observer: { cookie: string }
  let coordinator: { cookie: string }
  let writer: TestClient
  let docId: string

  /** A download as the browser gets it: status, headers and the bytes untouched. */
  const download = async (query: string, cookie = observer.cookie, id = docId) => {
    const res = await fetch(`${t.url}/api/documents/${id}/export${query}`, { headers: { cookie } })
    return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) }
  }

  beforeAll(async () => {
    // Every format, every option: more exports than the per-minute limit allows a person.
    t = await newTestServer({ AUTO_VERSION_SECONDS: '3600', EXPORTS_PER_MINUTE: '1000' })
    member = await t.newUser('member')
    observer = await t.newUser('observer')
    coordinator = await t.newUser('coordinator')
    docId = await t.newDocument(member.cookie, TITLE)
    // The member pastes the declaration as the import makes it: a title, a preface, five clauses.
    writer = newTestClient(t.wsUrl, docId, member.cookie)
    await writer.synced()
    Y.applyUpdate(
      writer.doc,
      jsonToUpdate(textToDocument(DECLARATION), { language: 'ru', clauseLabel: 'article' }),
    )
    // The first export also starts a worker thread: allow for it on a busy machine.
    await vi.waitFor(
      async () => {
        expect((await download('?format=md')).bytes.toString('utf8')).toContain(
          `## ${FIRST_CLAUSE}`,
        )
      },
      { timeout: 20_000 },
    )
  })
  afterAll(async () => {
    writer.destroy()
    await t.close()
  })

  it.each([
    [
      'docx',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'docx',
      'PK\u0003\u0004',
    ],
    ['odt', 'application/vnd.oasis.opendocument.text', 'odt', 'PK\u0003\u0004'],
    ['pdf', 'application/pdf', 'pdf', '%PDF-'],
    ['html', 'text/html; charset=utf-8', 'html', '<!DOCTYPE html>'],
    ['md', 'text/markdown; charset=utf-8', 'md', '# Декларация'],
    ['akn', 'application/xml; charset=utf-8', 'akn.xml', '<?xml'],
  ])(
    'an observer downloads %s with its type and a file name carrying title, version and date',
    async (format, type, extension, magic) => {
      const before = new Date().toISOString().slice(0, 10)
      const res = await download(`?format=${format}`)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe(type)
      // The current text is dated by the export itself (which may cross midnight UTC).
      const today = /(\d{4}-\d{2}-\d{2})\./.exec(res.headers.get('content-disposition') ?? '')?.[1]
      expect([before, new Date().toISOString().slice(0, 10)]).toContain(today)
      const name = `${TITLE} - Текущий текст - ${today}.${extension}`
      expect(res.headers.get('content-disposition')).toBe(
        `attachment; filename="Deklaratsiia Koalitsii gorodov za tsifrovye prava - Tekushchii tekst - ${today}.${extension}"; filename*=UTF-8''${encodeURIComponent(name)}`,
      )
      expect(res.bytes.subarray(0, Buffer.byteLength(magic)).toString('latin1')).toBe(
        Buffer.from(magic).toString('latin1'),
      )
      if (format === 'odt') expect(res.bytes.subarray(30, 38).toString()).toBe('mimetype')
    },
  )

  it('numbers clauses in HTML and Akoma Ntoso as the editor does, and the AKN is valid', async () => {
    const html = (await download('?format=html')).bytes.toString('utf8')
    expect(html.match(/<section class="clause"/g)).toHaveLength(5)
    for (let n = 1; n <= 5; n++)
      expect(html).toContain(`<span class="clause-label">Статья ${n}. </span>`)
    const akn = (await download('?format=akn')).bytes.toString('utf8')
    validateAkn(akn)
    expect(
      [
        ...akn.matchAll(/<article eId="art_(\d)"><num>([^<]+)<\/num><heading>([^<]+)<\/heading>/g),
      ].map((m) => m.slice(1)),
    ).toEqual([
      ['1', 'Статья 1', 'Всеобщий и равный доступ к интернету и цифровая грамотность'],
      ['2', 'Статья 2', 'Конфиденциальность, защита данных и безопасность'],
      [
        '3',
        'Статья 3',
        'Прозрачность, подотчетность и недопущение дискриминации в отношении данных, контента и алгоритмов',
      ],
      ['4', 'Статья 4', 'Представительная демократия, многообразие и инклюзивность'],
      ['5', 'Статья 5', 'Открытые и этичные стандарты цифровых сервисов'],
    ])
  })

  it('exports a version as it was, under its name, and records every export in the audit log', async () => {
    const version = await t.api<VersionInfo>('POST', `/api/documents/${docId}/versions`, {
      cookie: coordinator.cookie,
      body: { name: 'Проект 2' },
    })
    expect(version.status).toBe(201)
    writer.type('Абзац, добавленный после версии.')
    await vi.waitFor(async () => {
      expect((await download('?format=md')).bytes.toString('utf8')).toContain(
        'Абзац, добавленный после версии.',
      )
    })
    const res = await download(`?format=md&version=${version.body.id}`)
    expect(res.status).toBe(200)
    const markdown = res.bytes.toString('utf8')
    expect(markdown).toContain(`## ${FIRST_CLAUSE}`)
    expect(markdown).toContain('*Версия: Проект 2 · ')
    expect(markdown).not.toContain('Абзац, добавленный после версии.')
    const day = version.body.createdAt.slice(0, 10)
    expect(res.headers.get('content-disposition')).toContain(
      `filename="Deklaratsiia Koalitsii gorodov za tsifrovye prava - Proekt 2 - ${day}.md"`,
    )
    const activity = await t.api<{
      entries: { action: string; details: Record<string, unknown> | null }[]
    }>('GET', `/api/documents/${docId}/activity`, { cookie: observer.cookie })
    expect(
      activity.body.entries.filter((e) => e.action === 'document.exported')[0]?.details,
    ).toMatchObject({
      format: 'md',
      versionId: version.body.id,
    })
  })

  it('appends the open threads, and only the open ones, when asked', async () => {
    const post = (body: string) =>
      t.api<{ thread: CommentThread }>('POST', `/api/documents/${docId}/comments`, {
        cookie: observer.cookie,
        body: { body, quote: 'Декларация', anchor: anchorOverTitle(writer.doc, 10) },
      })
    await post('Открытый вопрос к заголовку')
    const resolved = await post('Уже решено')
    await t.api('PATCH', `/api/documents/${docId}/comments/${resolved.body.thread.id}`, {
      cookie: coordinator.cookie,
      body: { status: 'resolved' },
    })
    const plain = (await download('?format=html')).bytes.toString('utf8')
    expect(plain).not.toContain('Открытые комментарии')
    const review = (await download('?format=html&comments=open')).bytes.toString('utf8')
    expect(review).toContain('Открытые комментарии')
    expect(review).toContain('Открытый вопрос к заголовку')
    expect(review).not.toContain('Уже решено')
    validateAkn((await download('?format=akn&comments=open')).bytes.toString('utf8'))
  })

  it('escapes markup and ampersands in titles and text in HTML and Akoma Ntoso', async () => {
    const id = await t.newDocument(member.cookie, EVIL)
    const client = newTestClient(t.wsUrl, id, member.cookie)
    try {
      await client.synced()
      client.type(`Текст ${EVIL}`)
      await vi.waitFor(async () => {
        expect(
          (await download('?format=html', observer.cookie, id)).bytes.toString('utf8'),
        ).toContain('Текст &lt;script&gt;')
      })
      const html = (await download('?format=html', observer.cookie, id)).bytes.toString('utf8')
      expect(html).not.toContain('<script>')
      expect(html).toContain('<h1>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</h1>')
      const akn = (await download('?format=akn', observer.cookie, id)).bytes.toString('utf8')
      expect(akn).not.toContain('<script>')
      expect(akn).toContain('<docTitle>&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</docTitle>')
      expect(akn).toContain('<p>Текст &lt;script&gt;alert(1)&lt;/script&gt; &amp; Co</p>')
      validateAkn(akn)
    } finally {
      client.destroy()
    }
  })

  it('refuses bad input: unknown format (listing the supported ones), unknown version, unknown document, no session', async () => {
    const unknown = await t.api<{ error: { code: string; message: string } }>(
      'GET',
      `/api/documents/${docId}/export?format=rtf`,
      { cookie: observer.cookie },
    )
    expect(unknown.status).toBe(400)
    expect(unknown.body.error.code).toBe('validation_failed')
    expect(unknown.body.error.message).toContain('docx, odt, pdf, html, md, akn')
    expect(
      (await t.api('GET', `/api/documents/${docId}/export`, { cookie: observer.cookie })).status,
    ).toBe(400)
    expect(
      (
        await t.api('GET', `/api/documents/${docId}/export?format=md&comments=all`, {
          cookie: observer.cookie,
        })
      ).status,
    ).toBe(400)
    for (const version of ['nope', 'x'.repeat(200), '..%2F..']) {
      const res = await t.api<{ error: { code: string } }>(
        'GET',
        `/api/documents/${docId}/export?format=md&version=${version}`,
        { cookie: observer.cookie },
      )
      expect(res.status).toBe(404)
      expect(res.body.error.code).toBe('not_found')
    }
    expect(
      (await t.api('GET', '/api/documents/nope/export?format=md', { cookie: observer.cookie }))
        .status,
    ).toBe(404)
    expect((await t.api('GET', `/api/documents/${docId}/export?format=md`)).status).toBe(401)
  })
})
