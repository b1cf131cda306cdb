import type { AuditEntry, Compilation, Consultation, PublicComment } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { documentWithVersion, openConsultation, publicComment } from './utils/consultations.js'
import { mailEnv } from './utils/mailEnv.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { freshPostgresDatabase, POSTGRES_URL } from './utils/postgres.js'
import { startSmtp, type TestSmtp } from './utils/smtpServer.js'

const DAY = 86_400_000

const engines = [
  { name: 'SQLite', available: true, database: async () => undefined },
  { name: 'PostgreSQL', available: POSTGRES_URL !== undefined, database: freshPostgresDatabase },
]

/** The link a confirmation mail carries. */
const confirmLinkIn = (text: string): string => {
  const match = /(http:\/\/\S+\/confirm\/[A-Za-z0-9_-]+)/.exec(text)
  if (!match?.[1]) throw new Error(`no confirmation link in:\n${text}`)
  return match[1]
}

for (const engine of engines) {
  /**
   * The whole path with mail configured, on a real SMTP server: a public comment, its
   * confirmation mail, moderation, publication, the decision, the compilation, the closing
   * and the public report; then the retention sweep on the server's clock, and one person's
   * data erased on request.
   */
  describe.skipIf(!engine.available)(`public consultation by mail on ${engine.name}`, () => {
    let at = Date.now()
    const clock = { now: () => at }
    let smtp: TestSmtp
    let t: TestServer
    let drop: (() => Promise<void>) | undefined
    let coordinator: string
    let docId: string
    let consultation: Consultation

    beforeAll(async () => {
      smtp = await startSmtp()
      const database = await engine.database()
      drop = database?.drop
      t = await newTestServer(
        mailEnv(smtp, {
          CONSULTATION_RETENTION_DAYS: '30',
          CONSULTATION_SWEEP_MS: '100',
          ...(database ? { DATABASE_URL: database.url } : {}),
        }),
        { clock },
      )
      coordinator = (await t.newUser('coordinator', 'Катя')).cookie
      const member = (await t.newUser('member', 'Мария')).cookie
      const made = await documentWithVersion(t, member)
      docId = made.docId
      consultation = await openConsultation(t, docId, {
        versionId: made.versionId,
        closesAt: new Date(at + 10 * DAY).toISOString(),
      })
    })
    afterAll(async () => {
      await t?.close()
      await drop?.()
      await smtp?.stop()
    })

    const list = (status: string) =>
      t.api<{ comments: PublicComment[] }>(
        'GET',
        `/api/consultations/${consultation.id}/comments?status=${status}`,
        { cookie: coordinator },
      )
    const submit = (body: Record<string, unknown>, lang = 'en') =>
      t.api<{ next: string }>('POST', `/api/public/consultations/${consultation.slug}/comments`, {
        body: publicComment(body),
        headers: { 'accept-language': lang },
      })

    it('comment → confirmation mail → moderation → publication → compilation → report', async () => {
      const sent = await submit({ email: 'Vera@Example.org', name: 'Vera', body: 'Add guests' })
      expect(sent.status).toBe(202)
      expect(sent.body).toEqual({ ok: true, next: 'confirm' })
      // Unconfirmed: not in moderation yet.
      expect((await list('pending')).body.comments).toHaveLength(0)

      await vi.waitFor(() => expect(smtp.to('vera@example.org')).toHaveLength(1), {
        timeout: 10_000,
      })
      const mail = smtp.to('vera@example.org')[0]
      expect(mail?.subject).toBe('Confirm your comment')
      const link = confirmLinkIn(mail?.text ?? '')
      expect(link.startsWith(`${t.url}/consultations/${consultation.slug}/confirm/`)).toBe(true)
      expect(mail?.html).toContain(link.replace(t.url, ''))

      // Following the link only asks; the button confirms.
      const asked = await fetch(link)
      expect(asked.status).toBe(200)
      expect(await asked.text()).toContain('<form method="post"')
      expect((await list('pending')).body.comments).toHaveLength(0)
      const confirmed = await fetch(link, { method: 'POST' })
      expect(confirmed.status).toBe(200)
      const again = await fetch(link, { method: 'POST' })
      expect(again.status).toBe(404)

      const pending = (await list('pending')).body.comments
      expect(pending).toHaveLength(1)
      expect(pending[0]?.confirmedAt).not.toBeNull()
      const id = pending[0]?.id ?? ''
      const moderate = (body: unknown) =>
        t.api<{ comment: PublicComment }>(
          'PATCH',
          `/api/consultations/${consultation.id}/comments/${id}`,
          { cookie: coordinator, body },
        )
      expect((await moderate({ status: 'published' })).status).toBe(200)
      const page = await (await fetch(`${t.url}/consultations/${consultation.slug}`)).text()
      expect(page).toContain('Add guests')
      expect(
        (await moderate({ disposition: { decision: 'accepted', reason: 'Agreed' } })).status,
      ).toBe(200)

      const compilation = await t.api<Compilation>('GET', `/api/documents/${docId}/disposition`, {
        cookie: coordinator,
      })
      expect(compilation.body.rows.find((r) => r.source === 'public')).toMatchObject({
        clauseNumber: '1',
        author: 'Vera',
        comment: 'Add guests',
        decision: 'accepted',
        reason: 'Agreed',
      })

      // After the closing the page is the public report, with its downloads.
      at += 11 * DAY
      const report = await (
        await fetch(`${t.url}/consultations/${consultation.slug}?lang=en`)
      ).text()
      expect(report).toContain('This consultation is closed')
      expect(report).toContain('Accepted')
      expect(report).toContain('Agreed')
      expect(report).toContain('report.csv')
      const csv = await fetch(`${t.url}/consultations/${consultation.slug}/report.csv?lang=en`)
      expect(csv.headers.get('content-type')).toContain('text/csv')
      const csvText = await csv.text()
      expect(csvText).toContain('Add guests')
      expect(csvText).toContain('Accepted')
      const json = await (
        await fetch(`${t.url}/consultations/${consultation.slug}/report.json`)
      ).json()
      expect((json as Compilation).rows).toHaveLength(1)
      for (const text of [report, csvText, JSON.stringify(json)]) {
        expect(text.toLowerCase()).not.toContain('vera@example.org')
      }
      const late = await submit({ email: 'late@example.org' })
      expect(late.status).toBe(409)
    })

    it('the retention sweep erases the addresses once the period is over, on the server clock', async () => {
      // An unconfirmed comment is kept until the sweep, then erased whole.
      at -= 11 * DAY
      await submit({ email: 'never@example.org', body: 'Never confirmed' })
      await vi.waitFor(() => expect(smtp.to('never@example.org')).toHaveLength(1), {
        timeout: 10_000,
      })
      at += 11 * DAY + 31 * DAY
      await vi.waitFor(
        async () => {
          const audit = await t.api<{ entries: AuditEntry[] }>(
            'GET',
            `/api/documents/${docId}/activity?limit=100`,
            { cookie: coordinator },
          )
          const erased = audit.body.entries.find(
            (e) => e.action === 'consultation.personalDataErased',
          )
          expect(erased?.details).toMatchObject({
            consultationId: consultation.id,
            reason: 'retention',
            retentionDays: 30,
          })
        },
        { timeout: 10_000 },
      )
      // The confirmation link of the unconfirmed comment is gone with it.
      const link = confirmLinkIn(smtp.to('never@example.org')[0]?.text ?? '')
      expect((await fetch(link, { method: 'POST' })).status).toBe(404)
      // The published comment stays, with its decision; an erasure request finds no address.
      expect((await list('published')).body.comments).toHaveLength(1)
      const erase = await t.api<{ comments: number }>('POST', '/api/consultations/erasures', {
        cookie: await t.adminCookie(),
        body: { email: 'vera@example.org' },
      })
      expect(erase.body).toEqual({ comments: 0 })
    })
  })
}

describe('erasing one person’s data on request', () => {
  let t: TestServer
  let consultation: Consultation
  let coordinator: string

  beforeAll(async () => {
    t = await newTestServer()
    coordinator = (await t.newUser('coordinator')).cookie
    const member = (await t.newUser('member')).cookie
    const { docId, versionId } = await documentWithVersion(t, member)
    consultation = await openConsultation(t, docId, { versionId })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('the secretariat erases name, organization and address from every comment of that address; audited', async () => {
    const post = (body: Record<string, unknown>) =>
      t.api('POST', `/api/public/consultations/${consultation.slug}/comments`, {
        body: publicComment(body),
      })
    await post({ email: 'Olga@example.org', name: 'Ольга Петрова', body: 'Первое' })
    await post({ email: 'olga@example.org', name: 'Ольга П.', body: 'Второе', clauseId: 'terms' })
    await post({ email: 'ivan@example.org', name: 'Иван', body: 'Третье' })
    const pending = await t.api<{ comments: PublicComment[] }>(
      'GET',
      `/api/consultations/${consultation.id}/comments?status=pending`,
      { cookie: coordinator },
    )
    for (const c of pending.body.comments) {
      await t.api('PATCH', `/api/consultations/${consultation.id}/comments/${c.id}`, {
        cookie: coordinator,
        body: { status: 'published' },
      })
    }
    const denied = await t.api('POST', '/api/consultations/erasures', {
      cookie: coordinator,
      body: { email: 'olga@example.org' },
    })
    expect(denied.status).toBe(403)
    const erased = await t.api<{ comments: number }>('POST', '/api/consultations/erasures', {
      cookie: await t.adminCookie(),
      body: { email: ' OLGA@example.org ' },
    })
    expect(erased.body).toEqual({ comments: 2 })
    const page = await (await fetch(`${t.url}/consultations/${consultation.slug}`)).text()
    expect(page).not.toContain('Ольга')
    expect(page).toContain('Первое')
    expect(page).toContain('Иван')
    const after = await t.api<{ comments: PublicComment[] }>(
      'GET',
      `/api/consultations/${consultation.id}/comments`,
      { cookie: coordinator },
    )
    expect(after.body.comments.filter((c) => c.name === '')).toHaveLength(2)
    const audit = await t.api<{ entries: AuditEntry[] }>(
      'GET',
      `/api/documents/${consultation.documentId}/activity`,
      { cookie: coordinator },
    )
    const entry = audit.body.entries.find((e) => e.action === 'consultation.personalDataErased')
    expect(entry?.details).toMatchObject({ reason: 'request' })
    expect(JSON.stringify(audit.body)).not.toContain('olga@example.org')
    const bad = await t.api('POST', '/api/consultations/erasures', {
      cookie: await t.adminCookie(),
      body: { email: 'nope' },
    })
    expect(bad.status).toBe(400)
  })
})
