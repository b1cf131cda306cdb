import { acceptInvitationRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { parse } from '../../parse.js'
import { setSessionCookie } from '../../sessionCookies.js'

/** One-time links with which an invited person sets their password and signs in. */
export const invitationsRouter = ({ config, accounts }: AppDeps): Router => {
  const router = Router()

  router.get('/invitations/:token', async (req, res) => {
    res.json(await accounts.readInvitation(String(req.params.token)))
  })

  router.post('/invitations/:token', async (req, res) => {
    const request = parse(acceptInvitationRequest, req.body)
    const { user, sessionToken } = await accounts.acceptInvitation(
      String(req.params.token),
      request,
    )
    setSessionCookie(config, res, sessionToken)
    res.json({ user })
  })

  return router
}
