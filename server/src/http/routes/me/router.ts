import { ErrorCode } from '@accord/protocol'
import { changePasswordRequest, updateProfileRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { hashPassword, verifyPassword } from '../../../auth/password.js'
import { assertStrongPassword } from '../../../auth/passwordPolicy.js'
import { presenceOf } from '../../../services/presenceOf.js'
import { setPassword } from '../../../services/setPassword.js'
import { publicUser, type StoredUser } from '../../../store/UserStore.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse } from '../../parse.js'

/** The signed-in person's own account: profile, language, mail settings, password. */
export const meRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/me', (req, res) => {
    res.json({ user: publicUser(requireAuth(req).user) })
  })

  router.patch('/me', async (req, res) => {
    const { user } = requireAuth(req)
    const { notifications, ...patch } = parse(updateProfileRequest, req.body)
    const updated = (await deps.users.update(user.id, patch)) as StoredUser
    if (patch.name !== undefined) {
      deps.cluster.broadcast({ kind: 'user', userId: updated.id, user: presenceOf(updated) })
    }
    const settings = notifications
      ? await deps.notificationSettings.update(user.id, notifications)
      : undefined
    res.json({ user: publicUser(updated), ...(settings ? { notifications: settings } : {}) })
  })

  router.post('/me/password', async (req, res) => {
    const { user, token } = requireAuth(req)
    const body = parse(changePasswordRequest, req.body)
    if (!user.passwordHash || !(await verifyPassword(body.currentPassword, user.passwordHash))) {
      throw new HttpError(403, ErrorCode.badCredentials, 'The current password is wrong')
    }
    assertStrongPassword(body.newPassword, user)
    // Every other session ends: a changed password must lock out whoever knew the old one.
    // This one stays: it just proved the old password, and the person's other tabs share it.
    await setPassword(deps, user.id, {
      passwordHash: await hashPassword(body.newPassword),
      keepToken: token,
    })
    await deps.audit.record({ userId: user.id, action: 'user.passwordChanged' })
    res.status(204).end()
  })

  return router
}
