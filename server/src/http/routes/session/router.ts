import { ErrorCode, normalizeEmail } from '@accord/protocol'
import { loginRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { countedLimit, type LimitStores } from '../../limits/countedLimit.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse } from '../../parse.js'
import { clearSession, setSessionCookie } from '../../sessionCookies.js'

const WINDOW_MS = 15 * 60 * 1000

const tooMany = (_req: unknown, _res: unknown, next: (err: unknown) => void) =>
  next(
    new HttpError(429, ErrorCode.tooManyRequests, 'Too many failed sign-ins; wait a few minutes'),
  )

/**
 * Failed sign-ins are slowed per account-and-address (so an attacker elsewhere
 * cannot lock a real user out) and per address overall. Successes don't count.
 * Made per app, so each test server counts on its own.
 */
const signInLimits = (stores: LimitStores) => [
  countedLimit(stores, 'sign-in:account', {
    windowMs: WINDOW_MS,
    limit: 10,
    skipSuccessfulRequests: true,
    // The address as the account lookup normalizes it, so " Ann@x.org" counts against ann@x.org.
    keyGenerator: (req) =>
      `${ipKeyGenerator(req.ip ?? '')}|${normalizeEmail(String(req.body?.email ?? ''))}`,
    handler: tooMany,
  }),
  countedLimit(stores, 'sign-in:address', {
    windowMs: WINDOW_MS,
    limit: 100,
    skipSuccessfulRequests: true,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany,
  }),
]

export const sessionRouter = ({ config, accounts, limitStores }: AppDeps): Router => {
  const router = Router()

  router.post('/session', ...signInLimits(limitStores), async (req, res) => {
    const { user, sessionToken } = await accounts.signIn(parse(loginRequest, req.body))
    setSessionCookie(config, res, sessionToken)
    res.json({ user })
  })

  router.delete('/session', async (req, res) => {
    await accounts.signOut(requireAuth(req).token)
    clearSession(config, res)
    res.status(204).end()
  })

  return router
}
