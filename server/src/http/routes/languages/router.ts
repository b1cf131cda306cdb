import { addLanguageRequest, applyStructureRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import { addTranslation } from '../../../documents/addTranslation.js'
import { alignTranslation } from '../../../documents/alignTranslation.js'
import { applyStructuralChanges } from '../../../documents/applyStructuralChanges.js'
import { listLanguages } from '../../../documents/listLanguages.js'
import { markClauseTranslated } from '../../../documents/markClauseTranslated.js'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Language versions: each route parses, calls one operation and answers. */
export const languagesRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.post('/documents/:id/languages', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(addLanguageRequest, req.body)
    const document = await addTranslation(deps, user, parseId(req.params.id), request)
    res.status(201).json({ document })
  })

  router.get('/documents/:id/languages', async (req, res) => {
    requireAuth(req)
    res.json(await listLanguages(deps, parseId(req.params.id)))
  })

  router.get('/documents/:id/alignment', async (req, res) => {
    requireAuth(req)
    res.json(await alignTranslation(deps, parseId(req.params.id)))
  })

  router.post('/documents/:id/clauses/:clauseId/translated', async (req, res) => {
    const { user } = requireAuth(req)
    const id = parseId(req.params.id)
    res.json(await markClauseTranslated(deps, user, id, parseId(req.params.clauseId)))
  })

  router.post('/documents/:id/structure/apply', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(applyStructureRequest, req.body)
    res.json(await applyStructuralChanges(deps, user, parseId(req.params.id), request))
  })

  return router
}
