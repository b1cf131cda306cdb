import { ErrorCode, normalizeEmail } from '@accord/protocol'
import { Router } from 'express'
import { ipKeyGenerator, rateLimit } from 'express-rate-limit'
import { hashPassword } from '../../../auth/password.js'
import { assertStrongPassword } from '../../../auth/passwordPolicy.js'
import { composeMail } from '../../../mail/composeMail.js'
import { setPassword } from '../../../services/setPassword.js'
import { publicUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { parse } from '../../parse.js'
import { startSession } from '../../sessionCookies.js'
import { completeResetRequest, requestResetRequest } from './schema.js'

const HOUR_MS = 60 * 60 * 1000

const invalid = () =>
  new HttpError(404, ErrorCode.tokenInvalid, 'This link is not valid any more; ask for a new one')

const tooMany = (_req: unknown, _res: unknown, next: (err: unknown) => void) =>
  next(new HttpError(429, ErrorCode.tooManyRequests, 'Too many reset requests; wait a while'))

/**
 * Requests are throttled per address asked for (3 an hour, so nobody's mailbox is flooded)
 * and per client address (20 an hour). Made per app, so each test server counts on its own.
 */
const resetLimits = () => [
  rateLimit({
    windowMs: HOUR_MS,
    limit: 3,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => normalizeEmail(String(req.body?.email ?? '')),
    handler: tooMany,
  }),
  rateLimit({
    windowMs: HOUR_MS,
    limit: 20,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany,
  }),
]

/**
 * "Forgot my password": a one-hour, one-time link by mail. The request is answered 202
 * whether or not the address belongs to an active account, so it tells nobody who has one.
 */
export const passwordResetsRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.post('/password-resets', ...resetLimits(), async (req, res) => {
    const { email } = parse(requestResetRequest, req.body)
    const { mailer } = deps
    if (!mailer) {
      throw new HttpError(
        503,
        ErrorCode.mailUnavailable,
        'This server sends no mail; ask the secretariat for an invitation link',
      )
    }
    const user = await deps.users.byEmail(email)
    if (user?.active) {
      const token = await deps.passwordResets.create(user.id)
      const language = user.language ?? 'ru'
      await mailer.send(
        composeMail({
          to: user.email,
          language,
          name: user.name,
          subject: (t) => t.resetSubject,
          lines: [
            {
              say: (t, v) => t.resetBody(v),
              vars: { email: user.email },
              url: `${deps.config.publicOrigin}/reset/${token}`,
            },
            { say: (t) => t.resetIgnore, vars: {} },
          ],
        }),
      )
      await deps.audit.record({ userId: user.id, action: 'user.passwordResetRequested' })
    }
    res.status(202).json({ ok: true })
  })

  router.get('/password-resets/:token', async (req, res) => {
    const userId = await deps.passwordResets.userIdFor(String(req.params.token))
    const user = userId ? await deps.users.byId(userId) : undefined
    if (!user?.active) throw invalid()
    res.json({ email: user.email, name: user.name })
  })

  router.post('/password-resets/:token', async (req, res) => {
    const token = String(req.params.token)
    const { password } = parse(completeResetRequest, req.body)
    const userId = await deps.passwordResets.userIdFor(token)
    const user = userId ? await deps.users.byId(userId) : undefined
    if (!user?.active) throw invalid()
    // Before the link is used up, so a refused password can be replaced with a better one.
    assertStrongPassword(password, user)
    if (!(await deps.passwordResets.consume(token))) throw invalid()
    // Every session ends and every other link is withdrawn (setPassword).
    const updated = await setPassword(deps, user.id, { passwordHash: await hashPassword(password) })
    await deps.audit.record({ userId: user.id, action: 'user.passwordReset' })
    await startSession(deps, res, user.id)
    res.json({ user: publicUser(updated ?? user) })
  })

  return router
}
