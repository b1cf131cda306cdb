import type { Consultation, DocumentEvent, PublicComment } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { type EventStream, openEventStream } from './reliability/support/eventStream.js'
import { documentWithVersion, openConsultation, publicComment } from './utils/consultations.js'
import { mailEnv } from './utils/mailEnv.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { startSmtp, type TestSmtp } from './utils/smtpServer.js'

/** The public comments a stream heard, as `status` or `status:decision`. */
const heard = (stream: EventStream): string[] =>
  stream.events.flatMap((e) =>
    e.type === 'publicComment'
      ? [
          `${e.comment.body}:${e.comment.status}${e.comment.disposition ? `:${e.comment.disposition.decision}` : ''}`,
        ]
      : [],
  )

const DAY = 86_400_000

/** The erasures a stream heard: their reason and the comments they name, as `body:name`. */
const erasures = (stream: EventStream) =>
  stream.events.flatMap((e) =>
    e.type === 'publicCommentsErased'
      ? [
          {
            consultationId: e.consultationId,
            reason: e.reason,
            comments: e.comments.map((c) => `${c.body}:${c.name}`),
          },
        ]
      : [],
  )

/**
 * Public comments on the document's event stream: a comment confirmed by mail and every
 * coordinator's moderation reach the other coordinators at once; members and observers of
 * the same document, and a coordinator demoted meanwhile, hear none of them. So do the
 * erasures of a commenter's data, on request and after the retention period.
 */
describe('public comments on the event stream', () => {
  let at = Date.now()
  const clock = { now: () => at }
  let smtp: TestSmtp
  let t: TestServer
  let docId: string
  let consultation: Consultation
  const streams: EventStream[] = []

  beforeAll(async () => {
    smtp = await startSmtp()
    t = await newTestServer(
      mailEnv(smtp, { CONSULTATION_RETENTION_DAYS: '30', CONSULTATION_SWEEP_MS: '100' }),
      { clock },
    )
    const member = (await t.newUser('member', 'Мария')).cookie
    const made = await documentWithVersion(t, member)
    docId = made.docId
    consultation = await openConsultation(t, docId, { versionId: made.versionId })
  })
  afterAll(async () => {
    for (const stream of streams) stream.close()
    await t?.close()
    await smtp?.stop()
  })

  const open = async (cookie: string) => {
    const stream = await openEventStream(t.url, docId, cookie)
    streams.push(stream)
    return stream
  }
  /** A public comment, sent and confirmed through its mailed link. */
  const commentConfirmed = async (email: string, body: string): Promise<void> => {
    const sent = await t.api('POST', `/api/public/consultations/${consultation.slug}/comments`, {
      body: publicComment({ email, body }),
    })
    expect(sent.status).toBe(202)
    await vi.waitFor(() => expect(smtp.to(email)).toHaveLength(1), { timeout: 10_000 })
    const link = /(http:\/\/\S+\/confirm\/[A-Za-z0-9_-]+)/.exec(smtp.to(email)[0]?.text ?? '')?.[1]
    expect((await fetch(String(link), { method: 'POST' })).status).toBe(200)
  }
  const moderate = async (cookie: string, comment: PublicComment, body: unknown) => {
    const res = await t.api(
      'PATCH',
      `/api/consultations/${consultation.id}/comments/${comment.id}`,
      {
        cookie,
        body,
      },
    )
    expect(res.status).toBe(200)
  }
  /** The comment with this body, once the stream has heard of it. */
  const heardComment = (stream: EventStream, body: string) =>
    vi.waitFor(() => {
      const found = stream.events.find((e) => e.type === 'publicComment' && e.comment.body === body)
      if (found?.type !== 'publicComment') throw new Error('not heard yet')
      return found.comment
    })
  /** A change every reader of the document hears: what was sent before it was heard first. */
  let marks = 0
  const markAll = async (...readers: EventStream[]) => {
    const title = `Правила участия ${++marks}`
    const res = await t.api('PATCH', `/api/documents/${docId}`, {
      cookie: await t.adminCookie(),
      body: { title },
    })
    expect(res.status).toBe(200)
    const saw = (e: DocumentEvent) => e.type === 'document' && e.document.title === title
    for (const reader of readers) await vi.waitFor(() => expect(reader.events.some(saw)).toBe(true))
  }

  it('a comment confirmed by mail and other coordinators’ moderation reach coordinators only', async () => {
    const katya = await t.newUser('coordinator', 'Катя')
    const oleg = await t.newUser('coordinator', 'Олег')
    const member = await t.newUser('member', 'Мира')
    const observer = await t.newUser('observer', 'Ольга')
    const olegHears = await open(oleg.cookie)
    const katyaHears = await open(katya.cookie)
    const memberHears = await open(member.cookie)
    const observerHears = await open(observer.cookie)
    const secretariatHears = await open(await t.adminCookie())

    // Unconfirmed: nobody hears of it (it is not in moderation yet).
    await commentConfirmed('vera@example.org', 'Гости тоже')
    await vi.waitFor(() => expect(heard(olegHears)).toEqual(['Гости тоже:pending']))
    const [arrived] = olegHears.events.flatMap((e) => (e.type === 'publicComment' ? [e] : []))
    expect(arrived).toMatchObject({ consultationId: consultation.id })
    expect(arrived?.comment).toMatchObject({ name: 'Пётр Иванов', clauseNumber: '1' })
    // The address is never shown, not even to coordinators.
    expect(JSON.stringify(olegHears.events)).not.toContain('vera@example.org')

    const comment = arrived?.comment as PublicComment
    await moderate(katya.cookie, comment, { status: 'published', expectedStatus: 'pending' })
    await moderate(katya.cookie, comment, {
      disposition: { decision: 'accepted', reason: 'Согласны' },
    })
    await commentConfirmed('spam@example.org', 'Реклама')
    const spam = await heardComment(olegHears, 'Реклама')
    await moderate(oleg.cookie, spam, { status: 'rejected', reason: 'Реклама услуг' })

    const all = [
      'Гости тоже:pending',
      'Гости тоже:published',
      'Гости тоже:published:accepted',
      'Реклама:pending',
      'Реклама:rejected',
    ]
    for (const coordinator of [olegHears, katyaHears, secretariatHears]) {
      await vi.waitFor(() => expect(heard(coordinator)).toEqual(all))
    }
    const rejected = olegHears.events.at(-1)
    expect(rejected?.type === 'publicComment' && rejected.comment.rejectionReason).toBe(
      'Реклама услуг',
    )

    // Members and observers read the same document's stream, and hear none of it.
    await markAll(memberHears, observerHears)
    for (const reader of [memberHears, observerHears]) {
      expect(heard(reader)).toEqual([])
      expect(JSON.stringify(reader.events)).not.toContain('Реклама')
    }
  })

  it('a coordinator demoted while the stream is open hears no more', async () => {
    const nina = await t.newUser('coordinator', 'Нина')
    const ninaHears = await open(nina.cookie)
    const otherHears = await open((await t.newUser('coordinator', 'Пётр')).cookie)
    const demoted = await t.api('PATCH', `/api/users/${nina.user.id}`, {
      cookie: await t.adminCookie(),
      body: { role: 'member' },
    })
    expect(demoted.status).toBe(200)

    await commentConfirmed('late@example.org', 'После понижения')
    await vi.waitFor(() => expect(heard(otherHears)).toContain('После понижения:pending'))
    await markAll(ninaHears)
    expect(heard(ninaHears)).toEqual([])
  })

  it('an erasure on request and the retention sweep reach coordinators only, never the address', async () => {
    const katya = await t.newUser('coordinator', 'Катя')
    const member = await t.newUser('member', 'Мира')
    const katyaHears = await open(katya.cookie)
    const memberHears = await open(member.cookie)
    const secretariatHears = await open(await t.adminCookie())

    await commentConfirmed('anna@example.org', 'Анна о гостях')
    const anna = await heardComment(katyaHears, 'Анна о гостях')
    await moderate(katya.cookie, anna, { status: 'published' })
    const erased = await t.api<{ comments: number }>('POST', '/api/consultations/erasures', {
      cookie: await t.adminCookie(),
      body: { email: 'anna@example.org' },
    })
    expect(erased.body).toEqual({ comments: 1 })
    for (const coordinator of [katyaHears, secretariatHears]) {
      await vi.waitFor(() =>
        expect(erasures(coordinator)).toEqual([
          { consultationId: consultation.id, reason: 'request', comments: ['Анна о гостях:'] },
        ]),
      )
    }
    const [event] = katyaHears.events.filter((e) => e.type === 'publicCommentsErased')
    expect(event?.type === 'publicCommentsErased' && event.comments[0]).toMatchObject({
      id: anna.id,
      name: '',
      organization: null,
      publishName: false,
      status: 'published',
    })
    expect(JSON.stringify(katyaHears.events)).not.toContain('anna@example.org')

    // The retention sweep, once the period after the closing is over on the server's clock.
    at += 7 * DAY + 31 * DAY
    for (const coordinator of [katyaHears, secretariatHears]) {
      await vi.waitFor(
        () =>
          expect(erasures(coordinator).at(-1)).toEqual({
            consultationId: consultation.id,
            reason: 'retention',
            comments: [],
          }),
        { timeout: 10_000 },
      )
    }
    await markAll(memberHears)
    expect(memberHears.events.some((e) => e.type === 'publicCommentsErased')).toBe(false)
  })
})
