import {
  createDocumentRequest,
  listDocumentsQuery,
  updateDocumentRequest,
} from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Documents: every account sees every document of the installation; its role decides what it may do. */
export const documentsRouter = ({ documents }: AppDeps): Router => {
  const router = Router()

  router.get('/documents', async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ documents: await documents.list(user, parse(listDocumentsQuery, req.query)) })
  })

  router.post('/documents', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(createDocumentRequest, req.body)
    res.status(201).json(await documents.create(user, request))
  })

  router.get('/documents/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await documents.get(user, parseId(req.params.id)))
  })

  router.get('/documents/:id/open-items', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await documents.openItems(user, parseId(req.params.id)))
  })

  router.get('/documents/:id/finalization', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await documents.finalization(user, parseId(req.params.id)))
  })

  router.patch('/documents/:id', async (req, res) => {
    const { user } = requireAuth(req)
    const patch = parse(updateDocumentRequest, req.body)
    res.json(await documents.update(user, parseId(req.params.id), patch))
  })

  return router
}
