import { addLanguageRequest, applyStructureRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Language versions: each route parses, calls one operation and answers. */
export const languagesRouter = ({ documents }: AppDeps): Router => {
  const router = Router()

  router.post('/documents/:id/languages', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(addLanguageRequest, req.body)
    const document = await documents.addLanguage(user, parseId(req.params.id), request)
    res.status(201).json({ document })
  })

  router.get('/documents/:id/languages', async (req, res) => {
    requireAuth(req)
    res.json(await documents.listLanguages(parseId(req.params.id)))
  })

  router.get('/documents/:id/alignment', async (req, res) => {
    requireAuth(req)
    res.json(await documents.alignment(parseId(req.params.id)))
  })

  router.post('/documents/:id/clauses/:clauseId/translated', async (req, res) => {
    const { user } = requireAuth(req)
    const id = parseId(req.params.id)
    res.json(await documents.markClauseTranslated(user, id, parseId(req.params.clauseId)))
  })

  router.post('/documents/:id/structure/apply', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(applyStructureRequest, req.body)
    res.json(await documents.applyStructure(user, parseId(req.params.id), request))
  })

  return router
}
