import {
  glossaryEntryRequest,
  glossaryExportQuery,
  importGlossaryRequest,
} from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

const FILES = {
  tbx: { type: 'application/x-tbx+xml; charset=utf-8', name: 'glossary.tbx' },
  csv: { type: 'text/csv; charset=utf-8', name: 'glossary.csv' },
} as const

/** The installation's glossary: everyone reads it; coordinators and up manage it. */
export const glossaryRouter = ({ glossary }: AppDeps): Router => {
  const router = Router()

  router.get('/glossary', async (req, res) => {
    requireAuth(req)
    res.json({ entries: await glossary.list() })
  })

  router.post('/glossary', async (req, res) => {
    const { user } = requireAuth(req)
    const entry = await glossary.add(user, parse(glossaryEntryRequest, req.body))
    res.status(201).json({ entry })
  })

  router.patch('/glossary/:id', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(glossaryEntryRequest, req.body)
    res.json({ entry: await glossary.update(user, parseId(req.params.id), request) })
  })

  router.delete('/glossary/:id', async (req, res) => {
    const { user } = requireAuth(req)
    await glossary.delete(user, parseId(req.params.id))
    res.status(204).end()
  })

  router.post('/glossary/import', async (req, res) => {
    const { user } = requireAuth(req)
    const { added } = await glossary.import(user, parse(importGlossaryRequest, req.body))
    res.status(201).json({ added: added.length, entries: added })
  })

  router.get('/glossary/export', async (req, res) => {
    requireAuth(req)
    const { format } = parse(glossaryExportQuery, req.query)
    const text = await glossary.export(format)
    res.setHeader('Content-Type', FILES[format].type)
    res.setHeader('Content-Disposition', `attachment; filename="${FILES[format].name}"`)
    res.send(text)
  })

  return router
}
