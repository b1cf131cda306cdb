import { describe, expect, it } from 'vitest'
import { type ExportAnswer, exportAs } from '../utils/exportAs.js'
import { newTestServer } from '../utils/newTestServer.js'
import { writeLongDocument } from '../utils/writeLongDocument.js'

const count = (answers: readonly ExportAnswer[], status: number) =>
  answers.filter((answer) => answer.status === status).length

/** Enough text that each PDF renders for a second or more, so exports asked at once overlap. */
const PARAGRAPHS = 500

describe('export limits: per account, in total, per minute', () => {
  it('one account gets 429 beyond its places (rendering or waiting) while another account still exports', async () => {
    const t = await newTestServer({
      EXPORT_WORKERS: '1',
      EXPORT_QUEUE: '8',
      EXPORTS_PER_ACCOUNT: '2',
    })
    try {
      const member = await t.newUser('member')
      const observer = await t.newUser('observer')
      const id = await t.newDocument(member.cookie, 'Long standard')
      await writeLongDocument(t.wsUrl, id, member.cookie, PARAGRAPHS)

      const burst = Promise.all(
        Array.from({ length: 6 }, () => exportAs(t.url, member.cookie, id, 'pdf')),
      )
      const others = exportAs(t.url, observer.cookie, id, 'md')
      const answers = await burst
      expect(count(answers, 200)).toBeGreaterThanOrEqual(2)
      expect(count(answers, 429)).toBeGreaterThanOrEqual(1)
      expect(count(answers, 200) + count(answers, 429)).toBe(6)
      for (const refused of answers.filter((answer) => answer.status === 429)) {
        expect(refused.code).toBe('too_many_requests')
        expect(refused.scope).toBe('account')
        expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1)
      }
      expect((await others).status).toBe(200)

      // Only what was rendered is in the audit log: a refused export read nothing.
      const activity = await t.api<{ entries: { action: string }[] }>(
        'GET',
        `/api/documents/${id}/activity`,
        { cookie: member.cookie },
      )
      expect(activity.body.entries.filter((e) => e.action === 'document.exported')).toHaveLength(
        count(answers, 200) + 1,
      )
      // Places are given back: the account exports again.
      expect((await exportAs(t.url, member.cookie, id, 'md')).status).toBe(200)
    } finally {
      await t.close()
    }
  }, 180_000)

  it('the server as a whole gets 429 beyond its workers and queue, whoever asks', async () => {
    const t = await newTestServer({
      EXPORT_WORKERS: '1',
      EXPORT_QUEUE: '1',
      EXPORTS_PER_ACCOUNT: '2',
    })
    try {
      const people = await Promise.all([
        t.newUser('member'),
        t.newUser('observer'),
        t.newUser('coordinator'),
      ])
      const id = await t.newDocument(people[0].cookie, 'Long standard')
      await writeLongDocument(t.wsUrl, id, people[0].cookie, PARAGRAPHS)

      const answers = await Promise.all(people.map((p) => exportAs(t.url, p.cookie, id, 'pdf')))
      expect(count(answers, 200)).toBeGreaterThanOrEqual(1)
      expect(count(answers, 429)).toBeGreaterThanOrEqual(1)
      for (const refused of answers.filter((answer) => answer.status === 429)) {
        expect(refused.code).toBe('too_many_requests')
        expect(refused.scope).toBe('server')
        expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1)
      }
    } finally {
      await t.close()
    }
  }, 180_000)

  it('beyond EXPORTS_PER_MINUTE an account gets 429 with Retry-After; another account does not', async () => {
    const t = await newTestServer({ EXPORTS_PER_MINUTE: '3' })
    try {
      const member = await t.newUser('member')
      const observer = await t.newUser('observer')
      const id = await t.newDocument(member.cookie, 'Short text')
      for (let i = 0; i < 3; i++)
        expect((await exportAs(t.url, member.cookie, id, 'md')).status).toBe(200)
      const refused = await exportAs(t.url, member.cookie, id, 'md')
      expect(refused).toMatchObject({ status: 429, code: 'too_many_requests', scope: 'rate' })
      expect(Number(refused.retryAfter)).toBeGreaterThanOrEqual(1)
      expect(Number(refused.retryAfter)).toBeLessThanOrEqual(60)
      expect((await exportAs(t.url, observer.cookie, id, 'md')).status).toBe(200)
      // A signed-out request is answered 401 and counts for nobody.
      const anonymous = await fetch(`${t.url}/api/documents/${id}/export?format=md`)
      expect(anonymous.status).toBe(401)
    } finally {
      await t.close()
    }
  })
})
