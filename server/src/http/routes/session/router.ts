import { ErrorCode, normalizeEmail } from '@accord/protocol'
import { loginRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { burnPasswordCheck, verifyPassword } from '../../../auth/password.js'
import { endSessions } from '../../../services/endSessions.js'
import { publicUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse } from '../../parse.js'
import { clearSession, startSession } from '../../sessionCookies.js'

const WINDOW_MS = 15 * 60 * 1000

const tooMany = (_req: unknown, _res: unknown, next: (err: unknown) => void) =>
  next(
    new HttpError(429, ErrorCode.tooManyRequests, 'Too many failed sign-ins; wait a few minutes'),
  )

/**
 * Failed sign-ins are slowed per account-and-address (so an attacker elsewhere
 * cannot lock a real user out) and per address overall. Successes don't count.
 * Made per app, so each server (and each test server) counts on its own.
 */
const signInLimits = () => [
  rateLimit({
    windowMs: WINDOW_MS,
    limit: 10,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // The address as the account lookup normalizes it, so " Ann@x.org" counts against ann@x.org.
    keyGenerator: (req) =>
      `${ipKeyGenerator(req.ip ?? '')}|${normalizeEmail(String(req.body?.email ?? ''))}`,
    handler: tooMany,
  }),
  rateLimit({
    windowMs: WINDOW_MS,
    limit: 100,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany,
  }),
]

export const sessionRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.post('/session', ...signInLimits(), async (req, res) => {
    const { email, password } = parse(loginRequest, req.body)
    const user = await deps.users.byEmail(email)
    const ok =
      user?.passwordHash && user.active ? await verifyPassword(password, user.passwordHash) : false
    if (!user?.passwordHash || !user.active) await burnPasswordCheck(password)
    // One answer for an unknown account, a deactivated one and a wrong password.
    if (!user || !ok) throw new HttpError(401, ErrorCode.badCredentials, 'Wrong email or password')
    await startSession(deps, res, user.id)
    await deps.audit.record({ userId: user.id, action: 'session.signIn' })
    res.json({ user: publicUser(user) })
  })

  router.delete('/session', async (req, res) => {
    const token = requireAuth(req).token
    // This session only; its sockets and event streams close on every instance.
    await endSessions(deps, { token })
    clearSession(deps, res)
    res.status(204).end()
  })

  return router
}
