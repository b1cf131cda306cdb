import {
  dispositionQuery,
  importTemplateRequest,
  suggestionDispositionRequest,
} from '@accord/protocol/requests'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

/**
 * Comment disposition: the compilation of comments (every role), decisions on suggestions and
 * the import of members' offline templates (coordinators and up). Decisions on threads go
 * through the comments router's PATCH.
 */
export const dispositionRouter = ({ documents }: AppDeps): Router => {
  const router = Router()

  router.get('/documents/:id/disposition', async (req, res) => {
    const { user } = requireAuth(req)
    const query = parse(dispositionQuery, req.query)
    const answer = await documents.exportCompilation(user, parseId(req.params.id), query)
    if (answer.kind === 'json') {
      res.json(answer.compilation)
      return
    }
    res.setHeader('Content-Type', answer.contentType)
    res.attachment(answer.fileName)
    res.send(Buffer.from(answer.bytes.buffer, answer.bytes.byteOffset, answer.bytes.byteLength))
  })

  router.post('/documents/:id/disposition/import', async (req, res) => {
    const { user } = requireAuth(req)
    const { file } = parse(importTemplateRequest, req.body)
    const bytes = new Uint8Array(Buffer.from(file, 'base64'))
    res.status(201).json(await documents.importCommentTemplate(user, parseId(req.params.id), bytes))
  })

  router.patch('/documents/:id/suggestions/:suggestionId', async (req, res) => {
    const { user } = requireAuth(req)
    const request = parse(suggestionDispositionRequest, req.body)
    const disposition = await documents.setSuggestionDisposition(
      user,
      parseId(req.params.id),
      parseId(req.params.suggestionId),
      request,
    )
    res.json({ disposition })
  })

  return router
}
