import { activityQuery } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** The audit log, read back: a document's for everyone, the installation's for the secretariat. */
export const activityRouter = ({ documents }: AppDeps): Router => {
  const router = Router()

  router.get('/documents/:id/activity', async (req, res) => {
    const { user } = requireAuth(req)
    const page = parse(activityQuery, req.query)
    res.json(await documents.activity(user, parseId(req.params.id), page))
  })

  router.get('/activity', async (req, res) => {
    const { user } = requireAuth(req)
    const page = parse(activityQuery, req.query)
    res.json({ entries: await documents.installationActivity(user, page) })
  })

  return router
}
