import { authorsQuery, createVersionRequest, diffQuery } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Versions of a document: listed, read and compared by everyone; named and restored by coordinators. */
export const versionsRouter = ({ documents }: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/versions'

  router.get(base, async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ versions: await documents.listVersions(user, parseId(req.params.id)) })
  })

  router.post(base, async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(createVersionRequest, req.body)
    res.status(201).json(await documents.createVersion(user, parseId(req.params.id), request))
  })

  router.get(`${base}/:vid`, async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await documents.getVersion(user, parseId(req.params.id), parseId(req.params.vid)))
  })

  router.get('/documents/:id/diff', async (req, res) => {
    const { user } = requireAuth(req)
    const query = parse(diffQuery, req.query)
    res.json(await documents.diff(user, parseId(req.params.id), query))
  })

  // Who wrote what (authorship colouring), optionally since a version: read like the versions.
  router.get('/documents/:id/authors', async (req, res) => {
    const { user } = requireAuth(req)
    const query = parse(authorsQuery, req.query)
    res.json(await documents.authors(user, parseId(req.params.id), query))
  })

  router.post(`${base}/:vid/restore`, async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await documents.restoreVersion(user, parseId(req.params.id), parseId(req.params.vid)))
  })

  return router
}
