import {
  createConsultationRequest,
  erasePublicCommenterRequest,
  moderatePublicCommentRequest,
  publicCommentsQuery,
} from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/**
 * Public consultations, for people with an account: the secretariat opens one from a
 * version; coordinators moderate its comments and decide on them; the secretariat erases one
 * person's data on request.
 */
export const consultationsRouter = ({ consultations }: AppDeps): Router => {
  const router = Router()

  router.post('/documents/:id/consultations', async (req, res) => {
    const { user } = requireAuth(req)
    const documentId = parseId(req.params.id)
    const request = parse(createConsultationRequest, req.body)
    res.status(201).json({ consultation: await consultations.create(user, documentId, request) })
  })

  router.get('/documents/:id/consultations', async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ consultations: await consultations.list(user, parseId(req.params.id)) })
  })

  router.post('/consultations/erasures', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(erasePublicCommenterRequest, req.body)
    res.json(await consultations.eraseCommenter(user, request))
  })

  router.get('/consultations/:id', async (req, res) => {
    const { user } = requireAuth(req)
    res.json({ consultation: await consultations.get(user, parseId(req.params.id)) })
  })

  router.get('/consultations/:id/comments', async (req, res) => {
    const { user } = requireAuth(req)
    const query = parse(publicCommentsQuery, req.query)
    res.json({ comments: await consultations.listComments(user, parseId(req.params.id), query) })
  })

  router.patch('/consultations/:id/comments/:commentId', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(moderatePublicCommentRequest, req.body)
    const comment = await consultations.moderateComment(
      user,
      parseId(req.params.id),
      parseId(req.params.commentId),
      request,
    )
    res.json({ comment })
  })

  return router
}
