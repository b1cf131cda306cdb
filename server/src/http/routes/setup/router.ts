import { ErrorCode, Role } from '@accord/protocol'
import { setupRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { hashPassword } from '../../../auth/password.js'
import { assertStrongPassword } from '../../../auth/passwordPolicy.js'
import { publicUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { parse } from '../../parse.js'
import { startSession } from '../../sessionCookies.js'

/** First start without ADMIN_EMAIL: the console's one-time link creates the secretariat account here. */
export const setupRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/setup', async (_req, res) => {
    res.json({ needed: deps.setup.pending && (await deps.users.count()) === 0 })
  })

  router.post('/setup', async (req, res) => {
    const body = parse(setupRequest, req.body)
    if ((await deps.users.count()) > 0)
      throw new HttpError(409, ErrorCode.setupDone, 'Accord is already set up')
    // Before the one-time link is used up, so a refused password can be replaced.
    assertStrongPassword(body.password, body)
    if (!deps.setup.consume(body.token)) {
      throw new HttpError(
        404,
        ErrorCode.tokenInvalid,
        'This setup link is not valid; see the server console',
      )
    }
    const user = await deps.users.create({
      email: body.email,
      name: body.name,
      role: Role.secretariat,
      passwordHash: await hashPassword(body.password),
    })
    if (!user) throw new HttpError(409, ErrorCode.emailTaken, 'This email already has an account')
    await deps.audit.record({ userId: user.id, action: 'setup.completed' })
    await startSession(deps, res, user.id)
    res.status(201).json({ user: publicUser(user) })
  })

  return router
}
