import { ErrorCode } from '@accord/protocol'
import { acceptInvitationRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { hashPassword } from '../../../auth/password.js'
import { assertStrongPassword } from '../../../auth/passwordPolicy.js'
import { setPassword } from '../../../services/setPassword.js'
import { publicUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { parse } from '../../parse.js'
import { startSession } from '../../sessionCookies.js'

const invalid = () =>
  new HttpError(404, ErrorCode.tokenInvalid, 'This link is not valid any more; ask for a new one')

/** One-time links with which an invited person sets their password and signs in. */
export const invitationsRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/invitations/:token', async (req, res) => {
    const userId = await deps.invitations.userIdFor(String(req.params.token))
    const user = userId ? await deps.users.byId(userId) : undefined
    if (!user?.active) throw invalid()
    res.json({ email: user.email, name: user.name })
  })

  router.post('/invitations/:token', async (req, res) => {
    const token = String(req.params.token)
    const body = parse(acceptInvitationRequest, req.body)
    const userId = await deps.invitations.userIdFor(token)
    const user = userId ? await deps.users.byId(userId) : undefined
    if (!user?.active) throw invalid()
    // Before the link is used up, so a refused password can be replaced with a better one.
    assertStrongPassword(body.password, { email: user.email, name: body.name ?? user.name })
    if (!(await deps.invitations.consume(token))) throw invalid()
    // A reset: every session of the account ends (whoever had one may be why it was reset).
    const updated = await setPassword(deps, user.id, {
      passwordHash: await hashPassword(body.password),
      name: body.name,
    })
    await deps.audit.record({ userId: user.id, action: 'user.invitationAccepted' })
    await startSession(deps, res, user.id)
    res.json({ user: publicUser(updated ?? user) })
  })

  return router
}
