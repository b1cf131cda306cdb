import type { DocumentEvent } from '@accord/protocol'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { notFound, unauthenticated } from '../../HttpError.js'
import { parseId } from '../../parse.js'

/** Keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000

/**
 * `GET /api/documents/:id/events`: Server-Sent Events with the document's live non-text
 * changes (threads, status, save health). EventSource reconnects by itself. A stream ends
 * when its session does (sign-out, password change or reset, deactivation, expiry); the
 * browser's reconnection is then refused with 401, which EventSource does not retry.
 */
export const eventsRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/documents/:id/events', async (req, res) => {
    // Held from before the session is read, so an end that lands meanwhile is not missed.
    const held = await deps.authenticator.holdSession(req.get('cookie'))
    if (!held) throw unauthenticated()
    const { hold } = held
    let id: string
    try {
      id = parseId(req.params.id)
      if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
      if (hold.ended) throw unauthenticated()
    } catch (err) {
      hold.release()
      throw err
    }

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
    let streaming = true
    const stop = () => {
      if (!streaming) return
      streaming = false
      clearInterval(heartbeat)
      unsubscribe()
    }
    // The session ended: not one more event; the stream closes.
    hold.onEnd(() => {
      stop()
      res.end()
    })
    res.on('close', () => {
      stop()
      hold.release()
    })
  })

  return router
}
