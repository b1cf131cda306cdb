import { atLeast, Role } from '@accord/protocol'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { forbidden } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'

/** For the secretariat: whether mail is on and how the outbox stands (pending, sent, failed). */
export const mailRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/mail/outbox', async (req, res) => {
    const { user } = requireAuth(req)
    if (!atLeast(user.role, Role.secretariat))
      throw forbidden('Only the secretariat sees the outbox')
    if (!deps.mailer) {
      res.json({ enabled: false })
      return
    }
    res.json({ enabled: true, ...(await deps.mailer.outbox.counts()) })
  })

  return router
}
