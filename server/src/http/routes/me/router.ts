import { changePasswordRequest, updateProfileRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse } from '../../parse.js'

/** The signed-in person's own account: profile, language, mail settings, password; their work. */
export const meRouter = ({ accounts, documents }: AppDeps): Router => {
  const router = Router()

  router.get('/me', (req, res) => {
    res.json({ user: accounts.me(requireAuth(req).user) })
  })

  // What waits for the person across documents (threads, suggestions, documents in review).
  router.get('/me/work', async (req, res) => {
    res.json(await documents.myWork(requireAuth(req).user))
  })

  router.patch('/me', async (req, res) => {
    const { user } = requireAuth(req)
    const patch = parse(updateProfileRequest, req.body)
    res.json(await accounts.updateProfile(user, patch))
  })

  router.post('/me/password', async (req, res) => {
    const { user, token } = requireAuth(req)
    const request = parse(changePasswordRequest, req.body)
    await accounts.changePassword(user, token, request)
    res.status(204).end()
  })

  return router
}
