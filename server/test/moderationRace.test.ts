import type { AuditEntry, Consultation, PublicComment } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { documentWithVersion, openConsultation, publicComment } from './utils/consultations.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'

type Moderated = { comment: PublicComment; error: { code: string } }

/**
 * Two coordinators moderate the same public comments at the same moment, one publishing with
 * a decision and the other rejecting: whichever wins, the comment is in one consistent state,
 * the loser is told, and the audit log reads as a chain in which each step starts where the
 * one before ended.
 */
describe('two coordinators moderating at once', () => {
  let t: TestServer
  let anna: string
  let boris: string
  let docId: string
  let consultation: Consultation

  beforeAll(async () => {
    t = await newTestServer()
    anna = (await t.newUser('coordinator', 'Анна')).cookie
    boris = (await t.newUser('coordinator', 'Борис')).cookie
    const member = (await t.newUser('member')).cookie
    const made = await documentWithVersion(t, member)
    docId = made.docId
    consultation = await openConsultation(t, docId, { versionId: made.versionId })
  })
  afterAll(async () => {
    await t?.close()
  })

  it('leaves each comment whole, tells the loser, and keeps the audit a chain', async () => {
    const count = 20
    for (let i = 0; i < count; i++) {
      const res = await t.api('POST', `/api/public/consultations/${consultation.slug}/comments`, {
        body: publicComment({ email: `p${i}@example.org`, body: `Комментарий ${i}` }),
        headers: { 'x-forwarded-for': `10.0.0.${i}` },
      })
      expect(res.status).toBe(202)
    }
    const pending = await t.api<{ comments: PublicComment[] }>(
      'GET',
      `/api/consultations/${consultation.id}/comments?status=pending`,
      { cookie: anna },
    )
    expect(pending.body.comments).toHaveLength(count)

    const moderate = (commentId: string, cookie: string, body: unknown) =>
      t.api<Moderated>('PATCH', `/api/consultations/${consultation.id}/comments/${commentId}`, {
        cookie,
        body,
      })
    for (const { id } of pending.body.comments) {
      const [publish, reject] = await Promise.all([
        moderate(id, anna, {
          status: 'published',
          disposition: { decision: 'accepted', reason: 'По существу' },
        }),
        moderate(id, boris, { status: 'rejected', reason: 'Не по тексту' }),
      ])
      for (const res of [publish, reject]) expect([200, 409]).toContain(res.status)
      expect([publish, reject].some((res) => res.status === 200)).toBe(true)
      for (const res of [publish, reject].filter((r) => r.status === 409)) {
        expect(res.body.error.code).toBe('conflict')
      }
    }

    const all = await t.api<{ comments: PublicComment[] }>(
      'GET',
      `/api/consultations/${consultation.id}/comments`,
      { cookie: anna },
    )
    const activity = await t.api<{ entries: AuditEntry[] }>(
      'GET',
      `/api/documents/${docId}/activity?limit=500`,
      { cookie: anna },
    )
    const to: Record<string, string> = {
      'consultation.commentPublished': 'published',
      'consultation.commentRejected': 'rejected',
    }
    for (const comment of all.body.comments) {
      // A rejected comment never keeps a decision; a published one has Anna's.
      if (comment.status === 'rejected') expect(comment.disposition ?? null).toBeNull()
      else
        expect(comment).toMatchObject({
          status: 'published',
          disposition: { decision: 'accepted' },
        })
      const steps = activity.body.entries
        .filter((e) => e.details?.commentId === comment.id && to[e.action])
        .reverse()
      expect(steps.length).toBeGreaterThan(0)
      let state = 'pending'
      for (const step of steps) {
        expect(step.details?.from).toBe(state)
        state = to[step.action] ?? state
      }
      expect(state).toBe(comment.status)
    }
  })

  it('a moderator acting on what an older screen showed is told, and undoes nothing', async () => {
    const res = await t.api('POST', `/api/public/consultations/${consultation.slug}/comments`, {
      body: publicComment({ email: 'stale@example.org', body: 'Устаревший экран' }),
      headers: { 'x-forwarded-for': '10.0.1.1' },
    })
    expect(res.status).toBe(202)
    const pending = await t.api<{ comments: PublicComment[] }>(
      'GET',
      `/api/consultations/${consultation.id}/comments?status=pending`,
      { cookie: anna },
    )
    const id = pending.body.comments.find((c) => c.body === 'Устаревший экран')?.id ?? ''
    const path = `/api/consultations/${consultation.id}/comments/${id}`
    // Anna publishes and decides; Boris's screen still shows the comment pending.
    const published = await t.api<Moderated>('PATCH', path, {
      cookie: anna,
      body: {
        status: 'published',
        disposition: { decision: 'accepted', reason: 'По существу' },
        expectedStatus: 'pending',
      },
    })
    expect(published.status).toBe(200)
    const stale = await t.api<Moderated>('PATCH', path, {
      cookie: boris,
      body: { status: 'rejected', reason: 'Не по тексту', expectedStatus: 'pending' },
    })
    expect(stale.status).toBe(409)
    expect(stale.body.error.code).toBe('conflict')
    const now = await t.api<{ comments: PublicComment[] }>(
      'GET',
      `/api/consultations/${consultation.id}/comments?status=published`,
      { cookie: anna },
    )
    expect(now.body.comments.find((c) => c.id === id)).toMatchObject({
      status: 'published',
      disposition: { decision: 'accepted' },
    })
  })
})
