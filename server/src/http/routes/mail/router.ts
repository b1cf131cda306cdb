import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'

/** For the secretariat: whether mail is on and how the outbox stands (pending, sent, failed). */
export const mailRouter = ({ notifications }: AppDeps): Router => {
  const router = Router()

  router.get('/mail/outbox', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await notifications.mailOutbox(user))
  })

  return router
}
