import { ErrorCode } from '@accord/protocol'
import type { RequestHandler } from 'express'
import { rateLimit } from 'express-rate-limit'
import { HttpError } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'

const MINUTE_MS = 60_000

/**
 * At most `perMinute` export requests per account per minute, counted in this process (with
 * several instances, each counts its own). Beyond it: 429 `too_many_requests` with
 * Retry-After. Signed-out requests are answered 401 before they count.
 */
export const exportRateLimit = (perMinute: number): RequestHandler[] => [
  (req, _res, next) => {
    requireAuth(req)
    next()
  },
  rateLimit({
    windowMs: MINUTE_MS,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => requireAuth(req).user.id,
    handler: (_req, _res, next) =>
      next(
        new HttpError(
          429,
          ErrorCode.tooManyRequests,
          `At most ${perMinute} exports a minute; wait a little`,
          { scope: 'rate' },
        ),
      ),
  }),
]
