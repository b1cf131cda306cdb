import { openReviewRoundRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Review rounds of a document: open one, list them (the open one first), close one early. */
export const reviewRoundsRouter = (deps: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/review-rounds'

  const documentOf = async (raw: unknown) => {
    const id = parseId(raw)
    if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
    return id
  }

  router.get(base, async (req, res) => {
    requireAuth(req)
    res.json({ rounds: await deps.reviewRounds.list(await documentOf(req.params.id)) })
  })

  router.post(base, async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = await documentOf(req.params.id)
    const body = parse(openReviewRoundRequest, req.body)
    res.status(201).json({ round: await deps.reviewRounds.open(user, documentId, body) })
  })

  router.post(`${base}/:roundId/close`, async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = await documentOf(req.params.id)
    const round = await deps.reviewRoundStore.get(parseId(req.params.roundId))
    if (!round || round.documentId !== documentId) throw notFound('Unknown review round')
    const closed = await deps.reviewRounds.close(round, user)
    if (!closed) {
      res.json({ round: (await deps.reviewRounds.list(documentId)).find((r) => r.id === round.id) })
      return
    }
    res.json({ round: closed })
  })

  return router
}
