import type { DocumentEvent } from '@accord/protocol'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parseId } from '../../parse.js'

/** Keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000

/**
 * `GET /api/documents/:id/events`: Server-Sent Events with the document's live non-text
 * changes (threads, status, save health). EventSource reconnects by itself.
 */
export const eventsRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/documents/:id/events', async (req, res) => {
    requireAuth(req)
    const id = parseId(req.params.id)
    if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    })
    res.write('retry: 3000\n\n')
    const send = (event: DocumentEvent) =>
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
    const unsubscribe = deps.events.subscribe(id, send)
    const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), HEARTBEAT_MS)
    req.on('close', () => {
      clearInterval(heartbeat)
      unsubscribe()
    })
  })

  return router
}
