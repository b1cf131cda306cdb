import type { User } from '@accord/protocol'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { mailEnv } from './utils/mailEnv.js'
import { newTestServer, type TestServer } from './utils/newTestServer.js'
import { startSmtp, type TestSmtp } from './utils/smtpServer.js'

const linkIn = (text: string) => {
  const match = /\/reset\/([A-Za-z0-9_-]+)/.exec(text)
  if (!match?.[1]) throw new Error(`no reset link in:\n${text}`)
  return match[1]
}

describe('password reset by e-mail', () => {
  let smtp: TestSmtp
  let t: TestServer

  beforeAll(async () => {
    smtp = await startSmtp()
    t = await newTestServer(mailEnv(smtp))
  })
  afterAll(async () => {
    await t?.close()
    await smtp?.stop()
  })

  it('mails a one-time link in the person’s language that sets a new password and ends old sessions', async () => {
    const ann = await t.newUser('member', 'Ann')
    await t.api('PATCH', '/api/me', { cookie: ann.cookie, body: { language: 'en' } })
    const asked = await t.api('POST', '/api/password-resets', { body: { email: ann.email } })
    expect(asked.status).toBe(202)
    await vi.waitFor(() => expect(smtp.to(ann.email)).toHaveLength(1), { timeout: 10_000 })
    const mail = smtp.to(ann.email)[0]
    expect(mail?.subject).toBe('Reset your Accord password')
    expect(mail?.from?.text).toContain('drafts@accord.test')
    expect(mail?.messageId).toMatch(/@accord\.test>?$/)
    const token = linkIn(mail?.text ?? '')
    expect(mail?.html).toContain(`/reset/${token}`)
    expect(mail?.text).toContain(`${t.url}/reset/${token}`)

    const shown = await t.api<{ email: string }>('GET', `/api/password-resets/${token}`)
    expect(shown.body.email).toBe(ann.email)
    const weak = await t.api('POST', `/api/password-resets/${token}`, {
      body: { password: 'password' },
    })
    expect(weak.status).toBe(400)
    const set = await t.api<{ user: User }>('POST', `/api/password-resets/${token}`, {
      body: { password: 'a brand new passphrase' },
    })
    expect(set.status).toBe(200)
    expect(set.body.user.id).toBe(ann.user.id)
    // The old session ended; the new password works; the link is used up.
    expect((await t.api('GET', '/api/me', { cookie: ann.cookie })).status).toBe(401)
    await t.signIn(ann.email, 'a brand new passphrase')
    const again = await t.api<{ error: { code: string } }>(
      'POST',
      `/api/password-resets/${token}`,
      {
        body: { password: 'another new passphrase' },
      },
    )
    expect(again.status).toBe(404)
    expect(again.body.error.code).toBe('token_invalid')
  })

  it('answers the same for an unknown or deactivated address and mails nobody', async () => {
    const gone = await t.newUser('member')
    await t.api('PATCH', `/api/users/${gone.user.id}`, {
      cookie: await t.adminCookie(),
      body: { active: false },
    })
    const before = smtp.mails.length
    const unknown = await t.api('POST', '/api/password-resets', {
      body: { email: 'nobody@example.org' },
    })
    const deactivated = await t.api('POST', '/api/password-resets', { body: { email: gone.email } })
    const known = await t.newUser('member')
    const real = await t.api('POST', '/api/password-resets', { body: { email: known.email } })
    for (const res of [unknown, deactivated, real]) {
      expect(res.status).toBe(202)
      expect(res.body).toEqual({ ok: true })
    }
    await vi.waitFor(() => expect(smtp.to(known.email)).toHaveLength(1), { timeout: 10_000 })
    expect(smtp.mails.length).toBe(before + 1)
  })

  it('is throttled per address: the fourth request in an hour gets 429', async () => {
    const bob = await t.newUser('member')
    for (let i = 0; i < 3; i++) {
      expect(
        (await t.api('POST', '/api/password-resets', { body: { email: bob.email } })).status,
      ).toBe(202)
    }
    const fourth = await t.api<{ error: { code: string } }>('POST', '/api/password-resets', {
      body: { email: bob.email },
    })
    expect(fourth.status).toBe(429)
    expect(fourth.body.error.code).toBe('too_many_requests')
  })

  it('refuses a bad request and an unknown token clearly', async () => {
    const bad = await t.api<{ error: { code: string } }>('POST', '/api/password-resets', {
      body: {},
    })
    expect(bad.status).toBe(400)
    expect(bad.body.error.code).toBe('validation_failed')
    const unknown = await t.api('GET', '/api/password-resets/not-a-real-token')
    expect(unknown.status).toBe(404)
  })
})

describe('password reset without mail', () => {
  it('says clearly that this server sends no mail', async () => {
    const t = await newTestServer()
    try {
      const res = await t.api<{ error: { code: string } }>('POST', '/api/password-resets', {
        body: { email: 'someone@example.org' },
      })
      expect(res.status).toBe(503)
      expect(res.body.error.code).toBe('mail_unavailable')
    } finally {
      await t.close()
    }
  })
})
