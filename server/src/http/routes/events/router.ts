import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { parseId } from '../../parse.js'
import { StreamQuota } from './StreamQuota.js'
import { serveEventStream } from './serveEventStream.js'

/**
 * `GET /api/documents/:id/events`: Server-Sent Events with the document's live non-text
 * changes (threads, status, save health); `GET /api/notifications/events`: the signed-in
 * person's unread count, live. EventSource reconnects by itself; a stream ends when its
 * session does (see serveEventStream).
 */
export const eventsRouter = (deps: AppDeps): Router => {
  const router = Router()
  // Per app, so each server (and each test server) counts its own streams.
  const quota = new StreamQuota(deps.config.maxEventStreamsPerAccount, deps.config.maxEventStreams)

  router.get('/documents/:id/events', async (req, res) => {
    let id = ''
    await serveEventStream(deps, quota, req, res, {
      check: async (user) => {
        id = parseId(req.params.id)
        await deps.documents.get(user, id)
      },
      subscribe: (_user, send) => deps.documents.watch(id, (event) => send(event.type, event)),
    })
  })

  router.get('/notifications/events', async (req, res) => {
    await serveEventStream(deps, quota, req, res, {
      check: async () => undefined,
      subscribe: (user, send) =>
        deps.notifications.followUnread(user, (unread) => send('unread', { unread })),
    })
  })

  return router
}
