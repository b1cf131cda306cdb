import { canDecideComments } from '@accord/protocol'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { parseId } from '../../parse.js'
import { moderatorsOnly } from './moderatorsOnly.js'
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
      subscribe: (user, send) => {
        // Moderators-only events wait for the account's current role (a coordinator demoted
        // since the stream opened hears no more), one after another so they keep their order.
        let moderated = Promise.resolve()
        return deps.documents.watch(id, (event) => {
          if (!moderatorsOnly(event)) return send(event.type, event)
          moderated = moderated.then(async () => {
            const role = await deps.authenticator.currentRole(user.id).catch(() => undefined)
            if (role && canDecideComments(role)) send(event.type, event)
          })
        })
      },
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
