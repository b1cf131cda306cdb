import { describe, expect, it, vi } from 'vitest'
import type { TestServer } from '../utils/newTestServer.js'
import { POSTGRES_URL } from '../utils/postgres.js'
import { REDIS_SERVER } from '../utils/redisServer.js'
import { useTwoInstances } from '../utils/twoInstances.js'

/** Failed sign-ins one account may have from one address (`session/router.ts`). */
const SIGN_IN_LIMIT = 10
/** Each sign-in attempt hashes a password (scrypt): a dozen of them take a while on a busy machine. */
const SLOW = { timeout: 120_000 }

describe.skipIf(!POSTGRES_URL || !REDIS_SERVER)('rate limits with two instances', () => {
  const instances = useTwoInstances()

  const wrongSignIn = (t: TestServer, email: string) =>
    t.api('POST', '/api/session', { body: { email, password: 'not the password at all' } })

  it(
    'counts failed sign-ins on both instances together: the limit is not doubled by a second instance',
    SLOW,
    async () => {
      const { a, b } = instances
      const ann = await a.newUser('member', 'Ann')
      for (let i = 0; i < SIGN_IN_LIMIT; i++) {
        const res = await wrongSignIn(i % 2 === 0 ? a : b, ann.email)
        expect(res.status).toBe(401)
      }
      // Each instance saw only half of them; both refuse the next one.
      expect((await wrongSignIn(a, ann.email)).status).toBe(429)
      expect((await wrongSignIn(b, ann.email)).status).toBe(429)
      const refused = await b.api<{ error: { code: string } }>('POST', '/api/session', {
        body: { email: ann.email, password: ann.password },
      })
      expect(refused.status).toBe(429)
      expect(refused.body.error.code).toBe('too_many_requests')
      // Another account is not held back.
      const ben = await b.newUser('member', 'Ben')
      expect((await wrongSignIn(a, ben.email)).status).toBe(401)
    },
  )

  it(
    'while Redis is away each instance counts alone (neither everyone let through nor everyone refused), and shares again once it is back',
    SLOW,
    async () => {
      const { a, b, redis } = instances
      const cara = await a.newUser('member', 'Cara')
      const dan = await a.newUser('member', 'Dan')
      await redis.kill()

      // A correct sign-in still works.
      expect((await b.signIn(dan.email, dan.password)).length).toBeGreaterThan(0)
      // Failed ones are still limited, by this instance's own count.
      for (let i = 0; i < SIGN_IN_LIMIT; i++)
        expect((await wrongSignIn(a, cara.email)).status).toBe(401)
      expect((await wrongSignIn(a, cara.email)).status).toBe(429)

      await redis.start()
      // Back on Redis (the client reconnects by itself): a failure on one instance counts on
      // the other. A fresh address each try, so the counts before the reconnection do not mix.
      const remaining = (res: { headers: Headers }) =>
        Number(res.headers.get('ratelimit')?.match(/r=(\d+)/)?.[1])
      let attempt = 0
      await vi.waitFor(
        async () => {
          const email = `nobody-${++attempt}@example.org`
          const first = await wrongSignIn(a, email)
          const second = await wrongSignIn(b, email)
          expect([first.status, second.status]).toEqual([401, 401])
          expect(remaining(second)).toBe(remaining(first) - 1)
        },
        { timeout: 20_000, interval: 200 },
      )
    },
  )

  it(
    'a Redis that stops answering holds no sign-in up: counts go on here after half a second',
    SLOW,
    async () => {
      const { a, redis } = instances
      const fay = await a.newUser('member', 'Fay')
      redis.freeze()
      try {
        expect((await a.signIn(fay.email, fay.password)).length).toBeGreaterThan(0)
        for (let i = 0; i < SIGN_IN_LIMIT; i++) {
          expect((await wrongSignIn(a, fay.email)).status).toBe(401)
        }
        expect((await wrongSignIn(a, fay.email)).status).toBe(429)
      } finally {
        redis.thaw()
      }
    },
  )
})
