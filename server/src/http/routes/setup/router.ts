import { setupRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { parse } from '../../parse.js'
import { setSessionCookie } from '../../sessionCookies.js'

/** First start without ADMIN_EMAIL: the console's one-time link creates the secretariat account here. */
export const setupRouter = ({ config, accounts }: AppDeps): Router => {
  const router = Router()

  router.get('/setup', async (_req, res) => {
    res.json({ needed: await accounts.setupNeeded() })
  })

  router.post('/setup', async (req, res) => {
    const { user, sessionToken } = await accounts.completeSetup(parse(setupRequest, req.body))
    setSessionCookie(config, res, sessionToken)
    res.status(201).json({ user })
  })

  return router
}
