import { publicCommentRequest } from '@accord/protocol/requests'
import { type ErrorRequestHandler, type RequestHandler, Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { parse } from '../../parse.js'
import { publicErrorAnswer } from './publicErrorAnswer.js'
import { publicLanguage } from './publicLanguage.js'

/** The path the public JSON API lives under, inside /api. */
export const PUBLIC_API_PATH = '/public'

/**
 * The public's JSON API (no account): a comment on a clause of an open consultation, held
 * for moderation (202). Refusals are said in the request's language (`?lang=` or
 * Accept-Language); see `publicApiErrors`.
 */
export const publicConsultationsRouter = (
  { consultations }: AppDeps,
  limits: RequestHandler[],
): Router => {
  const router = Router()
  router.post(`${PUBLIC_API_PATH}/consultations/:slug/comments`, ...limits, async (req, res) => {
    const request = parse(publicCommentRequest, req.body)
    const { next } = await consultations.submitComment(
      String(req.params.slug),
      request,
      publicLanguage(req),
    )
    res.status(202).json({ ok: true, next })
  })
  return router
}

/**
 * Mounted at /api/public after everything that may refuse such a request (the CSRF guard,
 * the JSON parser, the router): answers the refusal in the request's language.
 */
export const publicApiErrors: ErrorRequestHandler = (err, req, res, next) => {
  const answer = publicErrorAnswer(err, publicLanguage(req))
  if (!answer) return next(err)
  if (answer.retryAfter !== undefined) res.setHeader('Retry-After', String(answer.retryAfter))
  res.status(answer.status).json({ error: { code: answer.code, message: answer.message } })
}
