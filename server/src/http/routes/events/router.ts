import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { notFound } from '../../HttpError.js'
import { parseId } from '../../parse.js'
import { StreamQuota } from './StreamQuota.js'
import { serveEventStream } from './serveEventStream.js'

/**
 * `GET /api/documents/:id/events`: Server-Sent Events with the document's live non-text
 * changes (threads, status, save health), and `GET /api/notifications/events`: the
 * signed-in person's unread count, live. EventSource reconnects by itself.
 */
export const eventsRouter = (deps: AppDeps): Router => {
  const router = Router()
  // Per app, so each server (and each test server) counts its own streams.
  const quota = new StreamQuota(deps.config.maxEventStreamsPerAccount, deps.config.maxEventStreams)

  router.get('/documents/:id/events', async (req, res) => {
    let id = ''
    await serveEventStream(deps, quota, req, res, {
      check: async () => {
        id = parseId(req.params.id)
        if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
      },
      subscribe: (_user, send) => deps.events.subscribe(id, (event) => send(event.type, event)),
    })
  })

  router.get('/notifications/events', async (req, res) => {
    await serveEventStream(deps, quota, req, res, {
      check: async () => undefined,
      subscribe: (user, send) => {
        const unsubscribe = deps.inbox.subscribe(user.id, (unread) => send('unread', { unread }))
        // The count as it is now, after subscribing, so no change falls between.
        void deps.notifications.unread(user.id).then(
          (unread) => send('unread', { unread }),
          () => undefined,
        )
        return unsubscribe
      },
    })
  })

  return router
}
