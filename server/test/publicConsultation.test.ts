import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import type { AuditEntry, Compilation, Consultation, PublicComment } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentWithVersion, openConsultation, publicComment } from './utils/consultations.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { rawRequest } from './utils/rawRequest.js'

type ErrorBody = { error: { code: string; message: string } }

/**
 * Public consultation without mail: the secretariat opens one, anyone comments through the
 * JSON API or the no-script form, coordinators moderate and decide, and every bad input is
 * refused in the request's language with nothing stored.
 */
describe('public consultation (no mail configured)', () => {
  const DAY = 86_400_000
  let at = Date.now()
  const clock = { now: () => at }
  let t: TestServer
  let coordinator: string
  let member: string
  let observer: string
  let docId: string
  let versionId: string
  let consultation: Consultation

  beforeAll(async () => {
    t = await newTestServer({}, { clock })
    coordinator = (await t.newUser('coordinator', 'Катя')).cookie
    member = (await t.newUser('member', 'Мария')).cookie
    observer = (await t.newUser('observer', 'Олег')).cookie
    ;({ docId, versionId } = await documentWithVersion(t, member))
    consultation = await openConsultation(t, docId, {
      versionId,
      slug: 'pravila-2026',
      introduction: 'Просим высказаться <b>до конца месяца</b>.',
    })
  })
  afterAll(async () => {
    await t?.close()
  })

  const submit = (
    body: unknown,
    {
      slug = consultation.slug,
      lang = 'ru',
      ip,
    }: { slug?: string; lang?: string; ip?: string } = {},
  ) =>
    t.api<ErrorBody & { next: string }>('POST', `/api/public/consultations/${slug}/comments`, {
      body,
      headers: { 'accept-language': lang, ...(ip ? { 'x-forwarded-for': ip } : {}) },
    })
  const list = (status?: string, cookie = coordinator) =>
    t.api<{ comments: PublicComment[] } & ErrorBody>(
      'GET',
      `/api/consultations/${consultation.id}/comments${status ? `?status=${status}` : ''}`,
      { cookie },
    )
  const moderate = (commentId: string, body: unknown, cookie = coordinator) =>
    t.api<{ comment: PublicComment } & ErrorBody>(
      'PATCH',
      `/api/consultations/${consultation.id}/comments/${commentId}`,
      { cookie, body },
    )
  const page = async (path = '', lang = 'ru') => {
    const res = await fetch(`${t.url}/consultations/${consultation.slug}${path}`, {
      headers: { 'accept-language': lang },
    })
    return { status: res.status, headers: res.headers, html: await res.text() }
  }
  const stored = async () => (await list()).body.comments.length

  it('the secretariat opens a consultation on a named version; others may not', async () => {
    expect(consultation).toMatchObject({
      slug: 'pravila-2026',
      url: `${t.url}/consultations/pravila-2026`,
      documentId: docId,
      versionId,
      versionName: 'Проект для обсуждения',
      state: 'open',
    })
    expect(Date.parse(consultation.closesAt)).toBeGreaterThan(Date.now())
    for (const cookie of [coordinator, member, observer]) {
      const res = await t.api<ErrorBody>('POST', `/api/documents/${docId}/consultations`, {
        cookie,
        body: { versionId, closesAt: new Date(at + DAY).toISOString() },
      })
      expect(res.status).toBe(403)
    }
    const listed = await t.api<{ consultations: Consultation[] }>(
      'GET',
      `/api/documents/${docId}/consultations`,
      { cookie: observer },
    )
    expect(listed.body.consultations.map((c) => c.id)).toEqual([consultation.id])
  })

  it('refuses a consultation that closes in the past, an unknown version, a taken slug', async () => {
    const admin = await t.adminCookie()
    const post = (body: unknown) =>
      t.api<ErrorBody>('POST', `/api/documents/${docId}/consultations`, { cookie: admin, body })
    const past = await post({ versionId, closesAt: new Date(at - DAY).toISOString() })
    expect(past.status).toBe(400)
    const backwards = await post({
      versionId,
      opensAt: new Date(at + 3 * DAY).toISOString(),
      closesAt: new Date(at + 2 * DAY).toISOString(),
    })
    expect(backwards.status).toBe(400)
    const unknown = await post({ versionId: 'nope', closesAt: new Date(at + DAY).toISOString() })
    expect(unknown.status).toBe(404)
    const taken = await post({
      versionId,
      slug: 'pravila-2026',
      closesAt: new Date(at + DAY).toISOString(),
    })
    expect(taken.status).toBe(409)
    expect(taken.body.error.code).toBe('slug_taken')
    const badSlug = await post({
      versionId,
      slug: '../etc',
      closesAt: new Date(at + DAY).toISOString(),
    })
    expect(badSlug.status).toBe(400)
  })

  it('a public comment is held for moderation; only coordinators see and moderate it', async () => {
    const res = await submit(publicComment({ email: 'held@example.org' }))
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ ok: true, next: 'moderation' })
    const pending = await list('pending')
    expect(pending.status).toBe(200)
    const comment = pending.body.comments.find(
      (c) => c.body === 'Правила должны касаться и гостей.',
    )
    expect(comment).toMatchObject({
      clauseId: 'scope',
      clauseNumber: '1',
      name: 'Пётр Иванов',
      status: 'pending',
      type: 'technical',
      confirmedAt: null,
    })
    // The address is never part of what the API shows.
    expect(JSON.stringify(pending.body)).not.toContain('held@example.org')
    for (const cookie of [member, observer]) {
      expect((await list('pending', cookie)).status).toBe(403)
      expect((await moderate(comment?.id ?? '', { status: 'published' }, cookie)).status).toBe(403)
    }
    expect((await list('pending', '')).status).toBe(401)
    // Not on the public page before it is published.
    expect((await page()).html).not.toContain('Правила должны касаться и гостей.')
  })

  it('publishing shows it under its clause; rejecting keeps the reason internal; all audited', async () => {
    await submit(publicComment({ email: 'a@example.org', body: 'Опубликуйте меня' }))
    await submit(
      publicComment({ email: 'b@example.org', body: 'Реклама', publishName: false, name: 'Спам' }),
    )
    await submit(
      publicComment({
        email: 'c@example.org',
        body: 'Без имени, пожалуйста',
        publishName: false,
        name: 'Скрытая Персона',
        clauseId: 'terms',
      }),
    )
    const pending = (await list('pending')).body.comments
    const byBody = (body: string) => pending.find((c) => c.body === body)?.id ?? ''
    const published = await moderate(byBody('Опубликуйте меня'), { status: 'published' })
    expect(published.status).toBe(200)
    expect(published.body.comment).toMatchObject({
      status: 'published',
      moderatedBy: { name: 'Катя' },
    })
    const rejected = await moderate(byBody('Реклама'), {
      status: 'rejected',
      reason: 'Реклама услуг, не по тексту',
    })
    expect(rejected.body.comment).toMatchObject({
      status: 'rejected',
      rejectionReason: 'Реклама услуг, не по тексту',
    })
    await moderate(byBody('Без имени, пожалуйста'), { status: 'published' })

    const { html } = await page()
    expect(html).toContain('Опубликуйте меня')
    expect(html).toContain('Пётр Иванов')
    expect(html).toContain('Без имени, пожалуйста')
    expect(html).not.toContain('Скрытая Персона')
    expect(html).not.toContain('Реклама')
    expect(html).not.toContain('@example.org')
    expect((await list('rejected')).body.comments.map((c) => c.body)).toEqual(['Реклама'])

    const audit = await t.api<{ entries: AuditEntry[] }>(
      'GET',
      `/api/documents/${docId}/activity?limit=50`,
      { cookie: coordinator },
    )
    const actions = audit.body.entries.map((e) => e.action)
    expect(actions).toContain('consultation.created')
    expect(actions).toContain('consultation.commentPublished')
    expect(
      audit.body.entries.find((e) => e.action === 'consultation.commentRejected')?.details,
    ).toMatchObject({ reason: 'Реклама услуг, не по тексту' })
  })

  it('published comments get decisions and enter the compilation beside members’ comments', async () => {
    const published = (await list('published')).body.comments
    const first = published.find((c) => c.body === 'Опубликуйте меня')
    const anonymous = published.find((c) => c.body === 'Без имени, пожалуйста')
    const decided = await moderate(first?.id ?? '', {
      disposition: { decision: 'acceptedInPrinciple', reason: 'Учтём в редакции 2' },
    })
    expect(decided.status).toBe(200)
    expect(decided.body.comment.disposition).toMatchObject({
      decision: 'acceptedInPrinciple',
      reason: 'Учтём в редакции 2',
    })
    const pendingOne = (await list('pending')).body.comments[0]
    const tooEarly = await moderate(pendingOne?.id ?? '', {
      disposition: { decision: 'accepted', reason: '' },
    })
    expect(tooEarly.status).toBe(409)
    const denied = await moderate(
      first?.id ?? '',
      { disposition: { decision: 'rejected', reason: 'x' } },
      member,
    )
    expect(denied.status).toBe(403)

    const all = await t.api<Compilation>('GET', `/api/documents/${docId}/disposition`, {
      cookie: observer,
    })
    const publicRows = all.body.rows.filter((r) => r.source === 'public')
    expect(publicRows.map((r) => [r.clauseNumber, r.comment, r.author, r.decision])).toEqual([
      ['1', 'Опубликуйте меня', 'Пётр Иванов', 'acceptedInPrinciple'],
      ['2', 'Без имени, пожалуйста', '', null],
    ])
    expect(JSON.stringify(all.body)).not.toContain('@example.org')
    const one = await t.api<Compilation>(
      'GET',
      `/api/documents/${docId}/disposition?consultation=${consultation.id}`,
      { cookie: observer },
    )
    expect(one.body.rows.every((r) => r.source === 'public')).toBe(true)
    expect(one.body.rows).toHaveLength(2)
    const csv = await t.api<string>(
      'GET',
      `/api/documents/${docId}/disposition?format=csv&consultation=${consultation.id}&lang=en`,
      { cookie: observer },
    )
    expect(csv.status).toBe(200)
    expect(String(csv.body)).toContain('Public consultation')
    expect(String(csv.body)).toContain('Accepted in principle')
    expect(String(csv.body)).not.toContain('@example.org')
    const other = await t.api<ErrorBody>(
      'GET',
      `/api/documents/${docId}/disposition?consultation=unknownid`,
      { cookie: observer },
    )
    expect(other.status).toBe(404)
    // Taking a comment off the page withdraws its decision too.
    const withdrawn = await moderate(first?.id ?? '', { status: 'rejected', reason: 'Дубль' })
    expect(withdrawn.body.comment.disposition).toBeNull()
    expect((await moderate(first?.id ?? '', { status: 'published' })).body.comment).toMatchObject({
      status: 'published',
      disposition: null,
      rejectionReason: null,
    })
    expect(anonymous?.status).toBe('published')
  })

  it('stores HTML and script in every field as text and escapes them on every page', async () => {
    const evil = '<script>alert(1)</script><img src=x onerror=alert(2)>'
    const res = await submit(
      publicComment({
        email: 'evil@example.org',
        name: `${evil} name`,
        organization: `${evil} org`,
        body: `${evil} body`,
        proposedChange: `${evil} change`,
      }),
    )
    expect(res.status).toBe(202)
    const comment = (await list('pending')).body.comments.find((c) => c.body === `${evil} body`)
    expect(comment).toMatchObject({ name: `${evil} name`, organization: `${evil} org` })
    await moderate(comment?.id ?? '', { status: 'published' })
    for (const path of ['', '/clauses/scope']) {
      const { html } = await page(path)
      expect(html).not.toContain('<script>')
      expect(html).not.toContain('<img src=x')
      const escaped = '&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;'
      for (const field of ['name', 'org', 'body', 'change']) {
        expect(html).toContain(`${escaped} ${field}`)
      }
    }
    expect((await page()).html).toContain('&lt;b&gt;до конца месяца&lt;/b&gt;')
  })

  it('refuses bad comments in the request’s language and stores nothing', async () => {
    const before = await stored()
    const unknownClause = await submit(publicComment({ clauseId: 'nowhere' }), { lang: 'en' })
    expect(unknownClause.status).toBe(400)
    expect(unknownClause.body.error).toEqual({
      code: 'unknown_clause',
      message: 'There is no such clause in this text.',
    })
    const unknownRu = await submit(publicComment({ clauseId: 'nowhere' }), { lang: 'ru' })
    expect(unknownRu.body.error.message).toBe('В этом тексте нет такого пункта.')

    const noConsent = await submit(publicComment({ consent: false }), { lang: 'en' })
    expect(noConsent.status).toBe(400)
    expect(noConsent.body.error.message).toBe('To send a comment, agree to the privacy notice.')
    const missingConsent = await submit(publicComment({ consent: undefined }), { lang: 'ru' })
    expect(missingConsent.status).toBe(400)
    expect(missingConsent.body.error.message).toContain('согласитесь')

    const huge = await submit(publicComment({ body: 'x'.repeat(200_000) }), { lang: 'en' })
    expect(huge.status).toBe(400)
    expect(huge.body.error.message).toContain('at most 10,000')
    const tooBig = await submit(publicComment({ body: 'x'.repeat(300_000) }), { lang: 'en' })
    expect(tooBig.status).toBe(413)
    expect(tooBig.body.error.code).toBe('too_large')

    const badEmail = await submit(publicComment({ email: 'not an address' }), { lang: 'en' })
    expect(badEmail.body.error.message).toBe('Enter a valid e-mail address.')

    const unknownSlug = await submit(publicComment(), { slug: 'no-such-consultation', lang: 'en' })
    expect(unknownSlug.status).toBe(404)
    expect(unknownSlug.body.error.message).toBe('There is no public consultation at this address.')

    const malformed = await t.api<ErrorBody>(
      'POST',
      `/api/public/consultations/${consultation.slug}/comments`,
      {
        raw: '{"name": "Ann", ',
        headers: { 'content-type': 'application/json', 'accept-language': 'en' },
      },
    )
    expect(malformed.status).toBe(400)
    expect(malformed.body.error).toEqual({
      code: 'invalid_json',
      message: 'The request is not valid JSON.',
    })
    const notJson = await t.api<ErrorBody>(
      'POST',
      `/api/public/consultations/${consultation.slug}/comments`,
      { raw: 'name=Ann', headers: { 'content-type': 'text/plain', 'accept-language': 'ru' } },
    )
    expect(notJson.status).toBe(415)
    expect(notJson.body.error.message).toBe('Отправьте замечание в формате JSON или из формы.')
    expect(await stored()).toBe(before)
  })

  it('a filled-in honeypot looks accepted and stores nothing', async () => {
    const before = await stored()
    const res = await submit(publicComment({ website: 'http://spam.example', body: 'Купите' }))
    expect(res.status).toBe(202)
    expect(res.body).toEqual({ ok: true, next: 'moderation' })
    expect(await stored()).toBe(before)
  })

  it('the no-script form posts, and a refused form comes back with its message and values', async () => {
    const form = (fields: Record<string, string>, lang = 'en') =>
      fetch(`${t.url}/consultations/${consultation.slug}/clauses/terms?lang=${lang}`, {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields),
      })
    const fields = {
      name: 'Anna <b>Smith</b>',
      email: 'anna@example.org',
      type: 'editorial',
      body: 'Typo <script>x</script> in clause 2',
    }
    const refused = await form(fields)
    expect(refused.status).toBe(400)
    const refusedHtml = await refused.text()
    expect(refusedHtml).toContain('role="alert"')
    expect(refusedHtml).toContain('To send a comment, agree to the privacy notice.')
    expect(refusedHtml).toContain('value="Anna &lt;b&gt;Smith&lt;/b&gt;"')
    expect(refusedHtml).toContain('Typo &lt;script&gt;x&lt;/script&gt; in clause 2')
    expect(refused.headers.get('content-security-policy')).toContain("default-src 'none'")
    // Browsers send the form's Origin only under a referrer policy that allows it.
    expect(refused.headers.get('referrer-policy')).toBe('same-origin')

    const sent = await fetch(`${t.url}/consultations/${consultation.slug}/clauses/terms?lang=en`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: t.url },
      body: new URLSearchParams({ ...fields, consent: 'true' }),
    })
    expect(sent.status).toBe(303)
    expect(sent.headers.get('location')).toBe(
      `/consultations/${consultation.slug}/thanks?lang=en&next=moderation`,
    )
    const pending = (await list('pending')).body.comments
    expect(pending.find((c) => c.body === fields.body)).toMatchObject({
      clauseId: 'terms',
      type: 'editorial',
      publishName: false,
    })
    const big = await form({ ...fields, consent: 'true', body: 'x'.repeat(200_000) }, 'ru')
    expect(big.status).toBe(413)
    expect(await big.text()).toContain('Замечание слишком длинное')
    const manyFields = await form({
      ...fields,
      consent: 'true',
      ...Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra${i}`, 'x'])),
    })
    expect(manyFields.status).toBe(400)
    expect(await manyFields.text()).toContain('The request was not understood')
    const crossSite = await fetch(`${t.url}/consultations/${consultation.slug}/clauses/terms`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        origin: 'https://evil.example',
      },
      body: new URLSearchParams({ ...fields, consent: 'true' }),
    })
    expect(crossSite.status).toBe(403)
  })

  it('the public page: no account, both languages, strict CSP, nothing external, 404 for unknown', async () => {
    const ru = await page('', 'ru')
    expect(ru.status).toBe(200)
    expect(ru.html).toContain('<html lang="ru">')
    expect(ru.html).toContain('Публичное обсуждение')
    expect(ru.html).toContain('Статья 1')
    const en = await page('?lang=en', 'ru')
    expect(en.html).toContain('<html lang="en">')
    expect(en.html).toContain('Public consultation')
    const csp = ru.headers.get('content-security-policy') ?? ''
    expect(csp).toContain("default-src 'none'")
    expect(csp).toContain("form-action 'self'")
    expect(csp).not.toContain('script-src')
    expect(ru.html).not.toMatch(/<script|<link|src="http|@import|url\(/)
    expect(ru.headers.get('set-cookie')).toBeNull()
    const missing = await fetch(`${t.url}/consultations/nothing-here`, {
      headers: { 'accept-language': 'en' },
    })
    expect(missing.status).toBe(404)
    expect(await missing.text()).toContain('There is no public consultation at this address.')
    // Both are in the reader's language: a cache keeps one per Accept-Language.
    expect(missing.headers.get('vary')).toContain('Accept-Language')
    expect(ru.headers.get('vary')).toContain('Accept-Language')
    const noClause = await page('/clauses/nowhere')
    expect(noClause.status).toBe(404)
  })

  it('the page is sent in brotli or gzip to those who take it, with an ETag; a current copy gets 304', async () => {
    /** The page as sent, so the test sees the bytes and headers (fetch would unzip them). */
    const raw = (headers: Record<string, string>, method = 'GET') =>
      rawRequest(`${t.url}/consultations/${consultation.slug}?lang=en`, headers, method)
    const plain = await raw({})
    expect(plain.status).toBe(200)
    expect(plain.headers['content-encoding']).toBeUndefined()
    expect(plain.body.toString()).toContain('Public consultation')
    const etag = plain.headers.etag ?? ''
    expect(etag).toMatch(/^"/)

    // A browser's Accept-Encoding: brotli, the smaller, when it is taken as readily as gzip.
    const brotli = await raw({ 'accept-encoding': 'gzip, deflate, br, zstd' })
    expect(brotli.headers['content-encoding']).toBe('br')
    expect(brotli.headers.vary).toBe('Accept-Encoding, Accept-Language')
    expect(brotli.headers.etag).toBe(`${etag.slice(0, -1)}-br"`)
    expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true)
    const rather = await raw({ 'accept-encoding': 'gzip;q=1, br;q=0.5' })
    expect(rather.headers['content-encoding']).toBe('gzip')
    // HEAD: the same head, no body.
    const head = await raw({ 'accept-encoding': 'br' }, 'HEAD')
    expect(head.status).toBe(200)
    expect(head.headers['content-length']).toBe(String(brotli.body.length))
    expect(head.headers.etag).toBe(brotli.headers.etag)
    expect(head.body.length).toBe(0)

    const zipped = await raw({ 'accept-encoding': 'gzip, deflate' })
    expect(zipped.headers['content-encoding']).toBe('gzip')
    expect(zipped.headers.vary).toContain('Accept-Encoding')
    expect(zipped.headers['content-security-policy']).toContain("default-src 'none'")
    expect(zipped.headers.etag).toBe(`${etag.slice(0, -1)}-gz"`)
    expect(zipped.body.length).toBeLessThan(plain.body.length)
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true)

    const current = await raw({ 'if-none-match': etag })
    expect(current.status).toBe(304)
    expect(current.body.length).toBe(0)
    const currentZipped = await raw({
      'accept-encoding': 'gzip',
      'if-none-match': zipped.headers.etag ?? '',
    })
    expect(currentZipped.status).toBe(304)
    expect(currentZipped.headers['content-security-policy']).toContain("default-src 'none'")
    // A copy in another encoding is not current: the whole page in the one asked for.
    const otherEncoding = await raw({
      'accept-encoding': 'br',
      'if-none-match': zipped.headers.etag ?? '',
    })
    expect(otherEncoding.status).toBe(200)
    expect(otherEncoding.headers['content-encoding']).toBe('br')
    // A reload that asks for no cached copy (Cache-Control: no-cache) gets the page.
    const forced = await raw({ 'if-none-match': etag, 'cache-control': 'no-cache' })
    expect(forced.status).toBe(200)

    // A newly published comment is a new page: a new ETag, and the old copy is not current.
    await submit(publicComment({ email: 'etag@example.org', body: 'Новое замечание для ETag' }))
    const pending = (await list('pending')).body.comments
    const added = pending.find((c) => c.body === 'Новое замечание для ETag')
    await moderate(added?.id ?? '', { status: 'published' })
    const changed = await raw({ 'if-none-match': etag })
    expect(changed.status).toBe(200)
    expect(changed.headers.etag).not.toBe(etag)
    expect(changed.body.toString()).toContain('Новое замечание для ETag')

    // The next version of the page: readers arriving together, some with the old copy, all
    // get the one gzip of the new page (made off the event loop), and then 304 with it.
    await submit(publicComment({ email: 'etag2@example.org', body: 'Ещё одно замечание' }))
    const next = (await list('pending')).body.comments.find((c) => c.body === 'Ещё одно замечание')
    await moderate(next?.id ?? '', { status: 'published' })
    const together = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        raw({
          'accept-encoding': 'gzip',
          ...(i % 2 ? { 'if-none-match': zipped.headers.etag ?? '' } : {}),
        }),
      ),
    )
    const newPlain = await raw({})
    expect(newPlain.body.toString()).toContain('Ещё одно замечание')
    const newEtag = `${(newPlain.headers.etag ?? '').slice(0, -1)}-gz"`
    for (const answer of together) {
      expect(answer.status).toBe(200)
      expect(answer.headers['content-encoding']).toBe('gzip')
      expect(answer.headers.etag).toBe(newEtag)
      expect(gunzipSync(answer.body).equals(newPlain.body)).toBe(true)
    }
    const revalidated = await raw({ 'accept-encoding': 'gzip', 'if-none-match': newEtag })
    expect(revalidated.status).toBe(304)
    expect(revalidated.body.length).toBe(0)
  })

  it('refuses comments before the opening and after the closing', async () => {
    const later = await openConsultation(t, docId, {
      versionId,
      slug: 'later-one',
      opensAt: new Date(at + 2 * DAY).toISOString(),
      closesAt: new Date(at + 4 * DAY).toISOString(),
    })
    expect(later.state).toBe('scheduled')
    const early = await submit(publicComment({ email: 'early@example.org' }), {
      slug: later.slug,
      lang: 'en',
    })
    expect(early.status).toBe(409)
    expect(early.body.error).toEqual({
      code: 'consultation_not_open',
      message: 'This consultation is not open for comments yet.',
    })
    at += 5 * DAY
    try {
      const late = await submit(publicComment({ email: 'late@example.org' }), {
        slug: later.slug,
        lang: 'ru',
      })
      expect(late.status).toBe(409)
      expect(late.body.error).toEqual({
        code: 'consultation_closed',
        message: 'Обсуждение закрыто: замечания больше не принимаются.',
      })
      const closedPage = await fetch(`${t.url}/consultations/${later.slug}?lang=en`)
      expect(await closedPage.text()).toContain('This consultation is closed')
    } finally {
      at -= 5 * DAY
    }
  })

  it('a page kept for its readers is answered as read, and changes as the consultation opens and closes', async () => {
    const soon = await openConsultation(t, docId, {
      versionId,
      slug: 'soon-one',
      opensAt: new Date(at + DAY).toISOString(),
      closesAt: new Date(at + 2 * DAY).toISOString(),
    })
    const read = async (lang: string) => {
      const res = await fetch(`${t.url}/consultations/${soon.slug}?lang=${lang}`)
      expect(res.status).toBe(200)
      const headers = Object.fromEntries(res.headers)
      delete headers.date
      return { headers, html: await res.text() }
    }
    const start = at
    try {
      // The second reading of each language is answered from the page kept by the first.
      const first = { en: await read('en'), ru: await read('ru') }
      const again = { en: await read('en'), ru: await read('ru') }
      expect(again).toEqual(first)
      // Exactly the headers helmet and the public pages set (the kept answer comes before
      // Express and its helmet; pageHead.ts works them out from the app's helmet).
      const { etag, 'content-length': length, ...fixed } = again.en.headers
      expect(etag).toMatch(/^"[\w-]+-(gz|br)"$/)
      expect(Number(length)).toBeGreaterThan(0)
      expect(fixed).toEqual({
        'cache-control': 'no-cache',
        connection: 'keep-alive',
        'content-encoding': fixed['content-encoding'],
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
        'content-type': 'text/html; charset=utf-8',
        'cross-origin-opener-policy': 'same-origin',
        'cross-origin-resource-policy': 'same-origin',
        'keep-alive': 'timeout=5',
        'origin-agent-cluster': '?1',
        'referrer-policy': 'same-origin',
        vary: 'Accept-Encoding, Accept-Language',
        'x-content-type-options': 'nosniff',
        'x-dns-prefetch-control': 'off',
        'x-download-options': 'noopen',
        'x-frame-options': 'SAMEORIGIN',
        'x-permitted-cross-domain-policies': 'none',
        'x-xss-protection': '0',
      })
      expect(['gzip', 'br']).toContain(fixed['content-encoding'])
      // The language by Accept-Language too, from the kept pages.
      const byHeader = await fetch(`${t.url}/consultations/${soon.slug}`, {
        headers: { 'accept-language': 'en-GB,en;q=0.9,ru;q=0.5' },
      })
      expect(await byHeader.text()).toBe(first.en.html)
      const neither = await fetch(`${t.url}/consultations/${soon.slug}`, {
        headers: { 'accept-language': 'de' },
      })
      expect(await neither.text()).toBe(first.ru.html)
      expect(again.en.html).toContain('Comments can be sent from the opening date.')
      expect(again.ru.html).toContain('Замечания можно будет отправить с даты открытия.')
      expect(again.en.headers['content-security-policy']).toContain("default-src 'none'")
      expect(again.en.headers['x-content-type-options']).toBe('nosniff')
      at = start + DAY
      expect((await read('en')).html).toContain('Comments are open')
      at = start + 2 * DAY - 1
      expect((await read('ru')).html).toContain('Обсуждение открыто')
      at = start + 2 * DAY
      expect((await read('en')).html).toContain('This consultation is closed')
    } finally {
      at = start
    }
  })
})

describe('public comment rate limits', () => {
  let t: TestServer
  let slug: string

  beforeAll(async () => {
    t = await newTestServer()
    const member = (await t.newUser('member')).cookie
    const { docId, versionId } = await documentWithVersion(t, member)
    slug = (await openConsultation(t, docId, { versionId })).slug
  })
  afterAll(async () => {
    await t?.close()
  })

  const send = (email: string, ip: string) =>
    t.api<ErrorBody>('POST', `/api/public/consultations/${slug}/comments`, {
      body: publicComment({ email }),
      headers: { 'x-forwarded-for': ip, 'accept-language': 'en' },
    })

  it('1,000 comments from one address in a minute: the first few are held, the rest refused', async () => {
    const statuses: number[] = []
    for (let batch = 0; batch < 20; batch++) {
      const answers = await Promise.all(
        Array.from({ length: 50 }, (_, i) => send(`p${batch}-${i}@example.org`, '203.0.113.7')),
      )
      statuses.push(...answers.map((a) => a.status))
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(30)
    expect(statuses.filter((s) => s === 429)).toHaveLength(970)
    const refused = await send('another@example.org', '203.0.113.7')
    expect(refused.body.error).toEqual({
      code: 'too_many_requests',
      message: 'Too many comments in a short time; wait a few minutes and try again.',
    })
    // Another client address is not held back by that one.
    expect((await send('someone@example.org', '198.51.100.1')).status).toBe(202)
  })

  it('one e-mail address from many client addresses is limited too', async () => {
    const statuses: number[] = []
    for (let i = 0; i < 15; i++) {
      statuses.push((await send('same@example.org', `192.0.2.${i + 1}`)).status)
    }
    expect(statuses.filter((s) => s === 202)).toHaveLength(10)
    expect(statuses.slice(10).every((s) => s === 429)).toBe(true)
  })
})
