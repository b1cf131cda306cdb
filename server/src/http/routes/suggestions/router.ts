import { resolveSuggestionsRequest, rolloutRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Suggestions in a document's text: listed by everyone, decided and rolled out by coordinators. */
export const suggestionsRouter = ({ documents }: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/suggestions'

  router.get(base, async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ suggestions: await documents.listSuggestions(user, parseId(req.params.id)) })
  })

  router.post(`${base}/decisions`, async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(resolveSuggestionsRequest, req.body)
    res.json(await documents.decideSuggestions(user, parseId(req.params.id), request))
  })

  router.post(`${base}/rollout`, async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(rolloutRequest, req.body)
    res.status(201).json(await documents.rollOut(user, parseId(req.params.id), request))
  })

  return router
}
