import { ErrorCode, normalizeEmail } from '@accord/protocol'
import { completeResetRequest, requestResetRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { countedLimit, type LimitStores } from '../../limits/countedLimit.js'
import { parse } from '../../parse.js'
import { setSessionCookie } from '../../sessionCookies.js'

const HOUR_MS = 60 * 60 * 1000

const tooMany = (_req: unknown, _res: unknown, next: (err: unknown) => void) =>
  next(new HttpError(429, ErrorCode.tooManyRequests, 'Too many reset requests; wait a while'))

/**
 * Requests are throttled per address asked for (3 an hour, so nobody's mailbox is flooded)
 * and per client address (20 an hour). Made per app, so each test server counts on its own.
 */
const resetLimits = (stores: LimitStores) => [
  countedLimit(stores, 'password-reset:email', {
    windowMs: HOUR_MS,
    limit: 3,
    keyGenerator: (req) => normalizeEmail(String(req.body?.email ?? '')),
    handler: tooMany,
  }),
  countedLimit(stores, 'password-reset:address', {
    windowMs: HOUR_MS,
    limit: 20,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany,
  }),
]

/**
 * "Forgot my password": a one-hour, one-time link by mail. The request is answered 202
 * whether or not the address belongs to an active account, so it tells nobody who has one.
 */
export const passwordResetsRouter = ({ config, accounts, limitStores }: AppDeps): Router => {
  const router = Router()

  router.post('/password-resets', ...resetLimits(limitStores), async (req, res) => {
    await accounts.requestPasswordReset(parse(requestResetRequest, req.body))
    res.status(202).json({ ok: true })
  })

  router.get('/password-resets/:token', async (req, res) => {
    res.json(await accounts.readPasswordReset(String(req.params.token)))
  })

  router.post('/password-resets/:token', async (req, res) => {
    const request = parse(completeResetRequest, req.body)
    const { user, sessionToken } = await accounts.completePasswordReset(
      String(req.params.token),
      request,
    )
    setSessionCookie(config, res, sessionToken)
    res.json({ user })
  })

  return router
}
