import {
  commentBodyRequest,
  createThreadRequest,
  replyRequest,
  updateThreadRequest,
} from '@accord/protocol/requests'
import { type Request, Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/** Where a thread or message route points. */
const threadAt = (req: Request) => ({
  documentId: parseId(req.params.id),
  threadId: parseId(req.params.threadId),
})
const messageAt = (req: Request) => ({ ...threadAt(req), messageId: String(req.params.messageId) })

/** Comment threads on a document (see the comment operations in documents/comments). */
export const commentsRouter = ({ documents }: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/comments'

  router.get(base, async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ threads: await documents.listThreads(user, parseId(req.params.id)) })
  })

  router.post(base, async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(createThreadRequest, req.body)
    res
      .status(201)
      .json({ thread: await documents.createThread(user, parseId(req.params.id), request) })
  })

  router.post(`${base}/:threadId/replies`, async (req, res) => {
    const { user } = requireAuth(req)
    const { documentId, threadId } = threadAt(req)
    const request = parse(replyRequest, req.body)
    res
      .status(201)
      .json({ thread: await documents.replyToThread(user, documentId, threadId, request) })
  })

  router.patch(`${base}/:threadId`, async (req, res) => {
    const { user } = requireAuth(req)
    const { documentId, threadId } = threadAt(req)
    const request = parse(updateThreadRequest, req.body)
    res.json({ thread: await documents.updateThread(user, documentId, threadId, request) })
  })

  router.patch(`${base}/:threadId/messages/:messageId`, async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(commentBodyRequest, req.body)
    res.json({ thread: await documents.editMessage(user, messageAt(req), request) })
  })

  router.delete(`${base}/:threadId/messages/:messageId`, async (req, res) => {
    const { user } = requireAuth(req)
    const thread = await documents.deleteMessage(user, messageAt(req))
    if (thread) res.json({ thread })
    else res.status(204).end()
  })

  return router
}
