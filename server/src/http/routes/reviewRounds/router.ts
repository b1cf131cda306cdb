import { openReviewRoundRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Review rounds of a document: open one, list them (the open one first), close one early. */
export const reviewRoundsRouter = ({ reviewRounds }: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/review-rounds'

  router.get(base, async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ rounds: await reviewRounds.list(user, parseId(req.params.id)) })
  })

  router.post(base, async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = parseId(req.params.id)
    const request = parse(openReviewRoundRequest, req.body)
    res.status(201).json({ round: await reviewRounds.open(user, documentId, request) })
  })

  router.post(`${base}/:roundId/close`, async (req, res) => {
    const { user } = requireAuth(req)
    const round = await reviewRounds.closeEarly(
      user,
      parseId(req.params.id),
      parseId(req.params.roundId),
    )
    res.json({ round })
  })

  return router
}
