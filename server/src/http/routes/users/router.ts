import { createUserRequest, updateUserRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Accounts, managed by the secretariat. */
export const usersRouter = ({ accounts }: AppDeps): Router => {
  const router = Router()

  router.get('/users', async (req, res) => {
    res.json({ users: await accounts.listUsers(requireAuth(req).user) })
  })

  router.post('/users', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(createUserRequest, req.body)
    res.status(201).json(await accounts.createUser(user, request))
  })

  router.patch('/users/:id', async (req, res) => {
    const { user } = requireAuth(req)
    const patch = parse(updateUserRequest, req.body)
    res.json({ user: await accounts.updateUser(user, parseId(req.params.id), patch) })
  })

  router.post('/users/:id/invitation', async (req, res) => {
    const { user } = requireAuth(req)
    res.status(201).json({ invitationUrl: await accounts.inviteUser(user, parseId(req.params.id)) })
  })

  return router
}
