import { markNotificationsReadRequest } from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import { listNotificationsQuery, mentionableQuery } from './schema.js'

/**
 * The signed-in person's inbox, mail settings and what they watch. The live unread count is
 * on `GET /api/notifications/events` (events router).
 */
export const notificationsRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get('/notifications', async (req, res) => {
    const { user } = requireAuth(req)
    const { limit } = parse(listNotificationsQuery, req.query)
    const [notifications, unread] = await Promise.all([
      deps.notifications.list(user.id, limit),
      deps.notifications.unread(user.id),
    ])
    res.json({ notifications, unread })
  })

  router.post('/notifications/read', async (req, res) => {
    const { user } = requireAuth(req)
    const which = parse(markNotificationsReadRequest, req.body)
    await deps.notifications.markRead(user.id, which)
    deps.inbox.publish(user.id, await deps.notifications.unread(user.id))
    res.status(204).end()
  })

  // Everyone may mention anyone with an active account: names and ids only, no addresses.
  router.get('/people/mentionable', async (req, res) => {
    requireAuth(req)
    const { q, limit } = parse(mentionableQuery, req.query)
    const query = q.trim().toLocaleLowerCase()
    const people = (await deps.users.list())
      .filter((u) => u.active && u.name.toLocaleLowerCase().includes(query))
      .slice(0, limit)
      .map((u) => ({ id: u.id, name: u.name }))
    res.json({ people })
  })

  router.get('/me/notifications', async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ notifications: await deps.notificationSettings.get(user.id), mail: !!deps.mailer })
  })

  const documentOf = async (raw: unknown) => {
    const id = parseId(raw)
    if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
    return id
  }

  router.get('/documents/:id/watch', async (req, res) => {
    const { user } = requireAuth(req)
    const id = await documentOf(req.params.id)
    res.json({ watching: await deps.watches.isWatching(user.id, id) })
  })

  for (const [method, watching] of [
    ['put', true],
    ['delete', false],
  ] as const) {
    router[method]('/documents/:id/watch', async (req, res) => {
      const { user } = requireAuth(req)
      const id = await documentOf(req.params.id)
      await deps.watches.set(user.id, id, watching)
      res.json({ watching })
    })
  }

  return router
}
