import { Role } from '@accord/protocol'
import { Router } from 'express'
import { z } from 'zod'
import type { AppDeps } from '../../AppDeps.js'
import { notFound } from '../../HttpError.js'
import { requireAuth, requireRole } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

const pageQuery = z.object({
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
})

/**
 * The audit log, read back: a document's activity for everyone who can open it, and the
 * whole installation's for the secretariat.
 */
export const activityRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/documents/:id/activity', async (req, res) => {
    requireAuth(req)
    const id = parseId(req.params.id)
    if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
    const page = parse(pageQuery, req.query)
    const [entries, editsPerDay] = await Promise.all([
      deps.audit.list({ documentId: id, ...page }),
      deps.audit.editsPerDay(id),
    ])
    res.json({ entries, editsPerDay })
  })

  router.get('/activity', async (req, res) => {
    requireRole(req, Role.secretariat)
    res.json({ entries: await deps.audit.list(parse(pageQuery, req.query)) })
  })

  return router
}
