import { atLeast, ErrorCode, Role } from '@accord/protocol'
import { type Request, Router } from 'express'
import { invalidMentions } from '../../../notifications/invalidMentions.js'
import { anchorResolves } from '../../../services/anchorResolves.js'
import type { AppDeps } from '../../AppDeps.js'
import { forbidden, HttpError, notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import {
  createThreadRequest,
  editMessageRequest,
  replyRequest,
  threadStatusRequest,
} from './schema.js'

/**
 * Comment threads on a document. Every role may comment and reply; only a message's
 * author edits or deletes it; the thread's author, coordinators and the secretariat
 * resolve and reopen. Every action goes to the audit log and the document's event stream.
 */
export const commentsRouter = (deps: AppDeps): Router => {
  const router = Router()
  const base = '/documents/:id/comments'

  const documentOf = async (rawId: unknown) => {
    const id = parseId(rawId)
    if (!(await deps.catalog.get(id))) throw notFound('Unknown document')
    return id
  }
  const threadOf = async (documentId: string, rawThreadId: unknown) => {
    const thread = await deps.comments.get(documentId, parseId(rawThreadId))
    if (!thread) throw notFound('Unknown comment thread')
    return thread
  }
  /** Sends the thread as it is now to the caller and to everyone watching the document. */
  const publish = async (documentId: string, threadId: string) => {
    const thread = await threadOf(documentId, threadId)
    deps.events.publish(documentId, { type: 'thread', thread })
    return thread
  }

  /** Refuses a mention of someone with no active account; the audit details otherwise. */
  const validMentions = async (ids: string[] | undefined) => {
    if (!ids?.length) return {}
    const invalid = await invalidMentions(deps.users, ids)
    if (invalid.length > 0) {
      throw new HttpError(
        400,
        ErrorCode.mentionInvalid,
        'Mentioned people must have an active account',
        {
          invalid,
        },
      )
    }
    return { mentions: [...new Set(ids)] }
  }

  router.get(base, async (req, res) => {
    requireAuth(req)
    res.json({ threads: await deps.comments.list(await documentOf(req.params.id)) })
  })

  router.post(base, async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = await documentOf(req.params.id)
    const body = parse(createThreadRequest, req.body)
    const mentions = await validMentions(body.mentions)
    const resolves = await deps.registry.withDocument(documentId, (room) =>
      anchorResolves(room.doc, body.anchor),
    )
    if (!resolves) {
      throw new HttpError(
        400,
        ErrorCode.validation,
        'The anchor does not point into this document',
        [{ path: 'anchor', message: 'unknown position' }],
      )
    }
    const created = await deps.comments.create({
      documentId,
      userId: user.id,
      body: body.body,
      quote: body.quote,
      anchor: body.anchor,
      clauseId: body.clauseId ?? null,
    })
    await deps.audit.record({
      userId: user.id,
      action: 'comment.created',
      documentId,
      details: { threadId: created.id, ...mentions },
    })
    res.status(201).json({ thread: await publish(documentId, created.id) })
  })

  router.post(`${base}/:threadId/replies`, async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = await documentOf(req.params.id)
    const thread = await threadOf(documentId, req.params.threadId)
    const { body, mentions: mentioned } = parse(replyRequest, req.body)
    const mentions = await validMentions(mentioned)
    await deps.comments.reply(thread.id, user.id, body)
    await deps.audit.record({
      userId: user.id,
      action: 'comment.replied',
      documentId,
      details: { threadId: thread.id, ...mentions },
    })
    res.status(201).json({ thread: await publish(documentId, thread.id) })
  })

  router.patch(`${base}/:threadId`, async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = await documentOf(req.params.id)
    const thread = await threadOf(documentId, req.params.threadId)
    const { status } = parse(threadStatusRequest, req.body)
    if (thread.createdBy !== user.id && !atLeast(user.role, Role.coordinator)) {
      throw forbidden(
        'Only the thread’s author, a coordinator or the secretariat may resolve or reopen it',
      )
    }
    if (thread.status !== status) {
      await deps.comments.setStatus(thread.id, status, user.id)
      await deps.audit.record({
        userId: user.id,
        action: status === 'resolved' ? 'comment.resolved' : 'comment.reopened',
        documentId,
        details: { threadId: thread.id },
      })
    }
    res.json({ thread: await publish(documentId, thread.id) })
  })

  const ownMessage = async (req: Request) => {
    const { user } = requireAuth(req)
    const documentId = await documentOf(req.params.id)
    const thread = await threadOf(documentId, req.params.threadId)
    const message = thread.messages.find((m) => m.id === req.params.messageId)
    if (!message) throw notFound('Unknown comment')
    if (message.author.id !== user.id) throw forbidden('Only its author may change a comment')
    return { user, documentId, thread, message }
  }

  router.patch(`${base}/:threadId/messages/:messageId`, async (req, res) => {
    const { user, documentId, thread, message } = await ownMessage(req)
    const { body } = parse(editMessageRequest, req.body)
    await deps.comments.editMessage(message.id, body)
    await deps.audit.record({
      userId: user.id,
      action: 'comment.edited',
      documentId,
      details: { threadId: thread.id },
    })
    res.json({ thread: await publish(documentId, thread.id) })
  })

  router.delete(`${base}/:threadId/messages/:messageId`, async (req, res) => {
    const { user, documentId, thread, message } = await ownMessage(req)
    const threadGone = await deps.comments.deleteMessage(thread.id, message.id)
    await deps.audit.record({
      userId: user.id,
      action: 'comment.deleted',
      documentId,
      details: { threadId: thread.id },
    })
    if (threadGone) {
      deps.events.publish(documentId, { type: 'threadDeleted', threadId: thread.id })
      res.status(204).end()
      return
    }
    res.json({ thread: await publish(documentId, thread.id) })
  })

  return router
}
