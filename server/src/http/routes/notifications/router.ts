import {
  listNotificationsQuery,
  markNotificationsReadRequest,
  mentionableQuery,
} from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/**
 * The signed-in person's inbox, mail settings and what they watch (see notifications/). The
 * live unread count is on `GET /api/notifications/events` (events router).
 */
export const notificationsRouter = ({ notifications }: AppDeps): Router => {
  const router = Router()

  router.get('/notifications', async (req, res) => {
    const { user } = requireAuth(req)
    const { limit } = parse(listNotificationsQuery, req.query)
    res.json(await notifications.listInbox(user, limit))
  })

  router.post('/notifications/read', async (req, res) => {
    const { user } = requireAuth(req)
    await notifications.markRead(user, parse(markNotificationsReadRequest, req.body))
    res.status(204).end()
  })

  router.get('/people/mentionable', async (req, res) => {
    const { user } = requireAuth(req)
    const people = await notifications.mentionable(user, parse(mentionableQuery, req.query))
    res.json({ people })
  })

  router.get('/me/notifications', async (req, res) => {
    const { user } = requireAuth(req)
    res.json(await notifications.mailSettings(user))
  })

  router.get('/documents/:id/watch', async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ watching: await notifications.isWatching(user, parseId(req.params.id)) })
  })

  for (const [method, watching] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    router[method]('/documents/:id/watch', async (req, res) => {
      const { user } = requireAuth(req)
      const id = parseId(req.params.id)
      res.json({ watching: await notifications.setWatching(user, id, watching) })
    })
  }

  return router
}
