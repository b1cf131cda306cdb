import { ErrorCode, Role } from '@accord/protocol'
import { createUserRequest, updateUserRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { hashPassword } from '../../../auth/password.js'
import { assertStrongPassword } from '../../../auth/passwordPolicy.js'
import { endSessions } from '../../../services/endSessions.js'
import { presenceOf } from '../../../services/presenceOf.js'
import { publicUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError, notFound } from '../../HttpError.js'
import { requireRole } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Accounts, managed by the secretariat. */
export const usersRouter = (deps: AppDeps): Router => {
  const router = Router()
  const invitationUrl = (token: string) => `${deps.config.publicOrigin}/invite/${token}`

  router.get('/users', async (req, res) => {
    requireRole(req, Role.secretariat)
    res.json({ users: (await deps.users.list()).map(publicUser) })
  })

  router.post('/users', async (req, res) => {
    const actor = requireRole(req, Role.secretariat)
    const body = parse(createUserRequest, req.body)
    if (body.password) assertStrongPassword(body.password, body)
    const user = await deps.users.create({
      email: body.email,
      name: body.name,
      role: body.role,
      passwordHash: body.password ? await hashPassword(body.password) : null,
    })
    if (!user) throw new HttpError(409, ErrorCode.emailTaken, 'This email already has an account')
    await deps.audit.record({
      userId: actor.id,
      action: 'user.created',
      details: { userId: user.id, role: user.role },
    })
    const invitation = body.password
      ? undefined
      : invitationUrl(await deps.invitations.create(user.id))
    res
      .status(201)
      .json({ user: publicUser(user), ...(invitation ? { invitationUrl: invitation } : {}) })
  })

  router.patch('/users/:id', async (req, res) => {
    const actor = requireRole(req, Role.secretariat)
    const id = parseId(req.params.id)
    const patch = parse(updateUserRequest, req.body)
    if (!(await deps.users.byId(id))) throw notFound('Unknown account')
    if (
      id === actor.id &&
      (patch.active === false || (patch.role && patch.role !== Role.secretariat))
    ) {
      // The last way back in must not be locked by a slip of the mouse.
      throw new HttpError(
        409,
        ErrorCode.conflict,
        'You cannot deactivate or demote your own account',
      )
    }
    const updated = await deps.users.update(id, patch)
    if (!updated) throw notFound('Unknown account')
    if (!updated.active) {
      // Every session ends, its sockets and event streams with it; no old link brings it back.
      await deps.invitations.deleteForUser(id)
      await deps.passwordResets.deleteForUser(id)
      await endSessions(deps, { userId: id })
    }
    // Open sockets follow at once: a deactivated person is disconnected, a demoted one loses write access.
    deps.cluster.broadcast({
      kind: 'user',
      userId: id,
      user: updated.active ? presenceOf(updated) : null,
    })
    await deps.audit.record({
      userId: actor.id,
      action: 'user.updated',
      details: { userId: id, ...patch },
    })
    res.json({ user: publicUser(updated) })
  })

  router.post('/users/:id/invitation', async (req, res) => {
    const actor = requireRole(req, Role.secretariat)
    const id = parseId(req.params.id)
    const user = await deps.users.byId(id)
    if (!user) throw notFound('Unknown account')
    const token = await deps.invitations.create(id)
    await deps.audit.record({ userId: actor.id, action: 'user.invited', details: { userId: id } })
    res.status(201).json({ invitationUrl: invitationUrl(token) })
  })

  return router
}
