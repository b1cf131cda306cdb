import { type DocumentEvent, ErrorCode } from '@accord/protocol'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError, unauthenticated } from '../../HttpError.js'
import { parseId } from '../../parse.js'
import { StreamQuota } from './StreamQuota.js'

/** Keeps proxies from closing a quiet stream. */
const HEARTBEAT_MS = 25_000

/** Seconds a client refused for too many streams is asked to wait. */
const RETRY_AFTER_SECONDS = 30

/**
 * `GET /api/documents/:id/events`: Server-Sent Events with the document's live non-text
 * changes (threads, status, save health). EventSource reconnects by itself. A stream ends
 * when its session does (sign-out, password change or reset, deactivation, expiry); the
 * browser's reconnection is then refused with 401, which EventSource does not retry.
 */
export const eventsRouter = (deps: AppDeps): Router => {
  const router = Router()
  // Per app, so each server (and each test server) counts its own streams.
  const quota = new StreamQuota(deps.config.maxEventStreamsPerAccount, deps.config.maxEventStreams)

  router.get('/documents/:id/events', async (req, res) => {
    // Held from before the session is read, so an end that lands meanwhile is not missed.
    const held = await deps.authenticator.holdSession(req.get('cookie'))
    if (!held) throw unauthenticated()
    const { user, hold } = held
    let id: string
    let slot: ReturnType<StreamQuota['take']>
    try {
      id = parseId(req.params.id)
      await deps.documents.get(user, id)
      if (hold.ended) throw unauthenticated()
      slot = quota.take(user.id)
      if (typeof slot === 'string') {
        res.setHeader('Retry-After', String(RETRY_AFTER_SECONDS))
        throw new HttpError(
          429,
          ErrorCode.tooManyRequests,
          slot === 'account'
            ? 'Too many live connections for this account; close some tabs or windows'
            : 'This server has too many live connections; try again in a moment',
        )
      }
    } catch (err) {
      hold.release()
      throw err
    }
    const { release } = slot

    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
    })
    res.write('retry: 3000\n\n')
    const send = (event: DocumentEvent) =>
      res.write(`event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`)
    const unsubscribe = deps.documents.watch(id, send)
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
      release()
      hold.release()
    })
  })

  return router
}
