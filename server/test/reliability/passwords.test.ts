import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ADMIN, newTestServer, type TestServer } from '../utils/newTestServer.js'
import { LONG, reportFigure } from './support/figures.js'
import { databaseFile, withConnection } from './support/sqliteFile.js'

/** OWASP Password Storage Cheat Sheet: the scrypt settings it lists (any one of them, or stronger). */
const OWASP_SCRYPT = [
  { N: 2 ** 17, r: 8, p: 1 },
  { N: 2 ** 16, r: 8, p: 2 },
  { N: 2 ** 15, r: 8, p: 3 },
  { N: 2 ** 14, r: 8, p: 5 },
  { N: 2 ** 13, r: 8, p: 10 },
]
const COMMON = ['password1', 'Qwerty123', 'iloveyou', '12345678', 'P@ssw0rd', 'sunshine']

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0

describe('passwords and sign-in', () => {
  let t: TestServer
  beforeEach(async () => {
    t = await newTestServer()
  })
  afterEach(() => t.close())

  it('stores scrypt hashes at or above OWASP parameters, salted per account', async () => {
    const a = await t.newUser('member')
    const b = await t.newUser('member')
    const rows = await withConnection(databaseFile(t.dataDir), (c) =>
      c.all<{ password_hash: string }>('SELECT password_hash FROM users WHERE id IN (?, ?)', [
        a.user.id,
        b.user.id,
      ]),
    )
    const salts = new Set<string>()
    for (const { password_hash } of rows) {
      const [scheme, N, r, p, salt, hash] = password_hash.split('$')
      expect(scheme).toBe('scrypt')
      const params = { N: Number(N), r: Number(r), p: Number(p) }
      expect(
        OWASP_SCRYPT.some((o) => params.N >= o.N && params.r >= o.r && params.p >= o.p),
        JSON.stringify(params),
      ).toBe(true)
      expect(Buffer.from(salt as string, 'base64').length).toBeGreaterThanOrEqual(16)
      expect(Buffer.from(hash as string, 'base64').length).toBeGreaterThanOrEqual(32)
      expect(password_hash).not.toContain(a.password)
      salts.add(salt as string)
    }
    expect(salts.size).toBe(2)
    const [, N, r, p] = (rows[0]?.password_hash ?? '').split('$')
    reportFigure('20 password storage', {
      algorithm: 'scrypt',
      N: Number(N),
      r: Number(r),
      p: Number(p),
    })
  })

  it('accepts a 64-character passphrase and refuses a short password', async () => {
    const admin = await t.adminCookie()
    const long = 'Ы'.repeat(64)
    const ok = await t.api('POST', '/api/users', {
      cookie: admin,
      body: { email: 'long@example.org', name: 'Long', role: 'member', password: long },
    })
    expect(ok.status).toBe(201)
    await t.signIn('long@example.org', long)
    const short = await t.api('POST', '/api/users', {
      cookie: admin,
      body: { email: 'short@example.org', name: 'Short', role: 'member', password: 'short' },
    })
    expect(short.status).toBe(400)
  })

  it('refuses common and guessable passwords wherever a password is set (weak_password)', async () => {
    const admin = await t.adminCookie()
    const weak = { error: { code: 'weak_password', message: expect.any(String) } }
    let refused = 0
    for (const password of COMMON) {
      const res = await t.api('POST', '/api/users', {
        cookie: admin,
        body: { email: 'common@example.org', name: 'Common', role: 'member', password },
      })
      expect(res.status, password).toBe(400)
      expect(res.body, password).toEqual(weak)
      refused++
    }
    // Guessable from the person or the application.
    for (const [email, name, password] of [
      ['maria.petrova@example.org', 'Maria', 'maria.petrova'],
      ['ivan@example.org', 'Ivan Sidorov', 'Ivan Sidorov 2024'],
      ['x@example.org', 'X', 'Accord-2025!'],
    ] as const) {
      const res = await t.api('POST', '/api/users', {
        cookie: admin,
        body: { email, name, role: 'member', password },
      })
      expect(res.body, password).toEqual(weak)
      refused++
    }

    const member = await t.newUser('member')
    const change = await t.api('POST', '/api/me/password', {
      cookie: member.cookie,
      body: { currentPassword: member.password, newPassword: 'qwertyuiop' },
    })
    expect(change.body).toEqual(weak)
    refused++

    // An invitation link is not used up by a refused password.
    const invited = await t.api<{ invitationUrl: string }>('POST', '/api/users', {
      cookie: admin,
      body: { email: 'invited@example.org', name: 'Invited', role: 'member' },
    })
    const token = invited.body.invitationUrl.split('/invite/')[1] as string
    const refusedInvite = await t.api('POST', `/api/invitations/${token}`, {
      body: { password: 'football' },
    })
    expect(refusedInvite.body).toEqual(weak)
    refused++
    const accepted = await t.api('POST', `/api/invitations/${token}`, {
      body: { password: 'a long and uncommon passphrase' },
    })
    expect(accepted.status).toBe(200)

    // Nor is the one-time setup link.
    const fresh = await newTestServer({ ADMIN_EMAIL: '', ADMIN_PASSWORD: '' })
    try {
      const setupToken = (fresh.server.setupUrl as string).split('/setup/')[1]
      const body = { token: setupToken, email: 'first@example.org', name: 'First' }
      const bad = await fresh.api('POST', '/api/setup', { body: { ...body, password: 'baseball' } })
      expect(bad.body).toEqual(weak)
      refused++
      const good = await fresh.api('POST', '/api/setup', {
        body: { ...body, password: 'correct horse battery staple' },
      })
      expect(good.status).toBe(201)
    } finally {
      await fresh.close()
    }
    reportFigure('20 weak passwords', { refused, listSize: 10_000, routes: 4 })
  })

  it('answers the same for an unknown account and a wrong password', async () => {
    const wrong = { status: 0, body: undefined as unknown, ms: [] as number[] }
    const unknown = { status: 0, body: undefined as unknown, ms: [] as number[] }
    for (let i = 0; i < 5; i++) {
      for (const [into, email] of [
        [wrong, ADMIN.email],
        [unknown, `nobody${i}@example.org`],
      ] as const) {
        const started = performance.now()
        const res = await t.api('POST', '/api/session', {
          body: { email, password: `nope-nope-${i}` },
          headers: { 'x-forwarded-for': `198.51.100.${i}` },
        })
        into.ms.push(performance.now() - started)
        into.status = res.status
        into.body = res.body
      }
    }
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(unknown.body).toEqual(wrong.body)
    reportFigure('20 same answer', {
      status: 401,
      medianWrongPasswordMs: Math.round(median(wrong.ms)),
      medianUnknownAccountMs: Math.round(median(unknown.ms)),
    })
  })

  it('slows repeated failures with 429 and Retry-After, per account and address, without locking the real user out', async () => {
    for (let i = 0; i < 10; i++) {
      await t.api('POST', '/api/session', { body: { email: ADMIN.email, password: `wrong-${i}` } })
    }
    const blocked = await t.api('POST', '/api/session', { body: ADMIN })
    expect(blocked.status).toBe(429)
    expect(blocked.headers.get('retry-after')).toMatch(/^\d+$/)
    expect(blocked.body).toMatchObject({ error: { code: 'too_many_requests' } })
    // The real user, signing in from their own address (as the reverse proxy reports it), still gets in.
    const elsewhere = await t.api('POST', '/api/session', {
      body: ADMIN,
      headers: { 'x-forwarded-for': '192.0.2.10' },
    })
    expect(elsewhere.status).toBe(200)
    reportFigure('20 throttling', {
      failuresBefore429: 10,
      retryAfterSeconds: Number(blocked.headers.get('retry-after')),
      realUserElsewhereLockedOut: false,
    })
  })

  it('counts padded and re-cased spellings of one address as that address', async () => {
    // The sign-in lookup trims and lower-cases; the count must see the same account.
    const spellings = [
      ADMIN.email,
      ` ${ADMIN.email}`,
      `${ADMIN.email} `,
      `\t${ADMIN.email}\n`,
      ADMIN.email.toUpperCase(),
      `  ${ADMIN.email.replace('s', 'S')}`,
    ]
    for (let i = 0; i < 10; i++) {
      const res = await t.api('POST', '/api/session', {
        body: { email: spellings[i % spellings.length], password: `wrong-${i}` },
      })
      expect(res.status).toBe(401)
    }
    for (const email of [`   ${ADMIN.email}   `, ADMIN.email]) {
      const blocked = await t.api('POST', '/api/session', {
        body: { email, password: ADMIN.password },
      })
      expect(blocked.status).toBe(429)
    }
  })

  it.runIf(LONG)(
    'slows one address trying many accounts (100 failures in 15 minutes)',
    async () => {
      const headers = { 'x-forwarded-for': '203.0.113.7' }
      for (let i = 0; i < 100; i += 10) {
        await Promise.all(
          Array.from({ length: 10 }, (_, k) =>
            t.api('POST', '/api/session', {
              body: { email: `guess${i + k}@example.org`, password: 'guess-guess' },
              headers,
            }),
          ),
        )
      }
      const blocked = await t.api('POST', '/api/session', {
        body: { email: 'another@example.org', password: 'guess-guess' },
        headers,
      })
      expect(blocked.status).toBe(429)
    },
  )
})
