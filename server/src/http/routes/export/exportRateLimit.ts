import { ErrorCode } from '@accord/protocol'
import type { RequestHandler } from 'express'
import { HttpError } from '../../HttpError.js'
import { countedLimit, type LimitStores } from '../../limits/countedLimit.js'
import { requireAuth } from '../../middleware/authenticate.js'

const MINUTE_MS = 60_000

/**
 * At most `perMinute` export requests per account per minute, by all instances together.
 * Beyond it: 429 `too_many_requests` with Retry-After. Signed-out requests are answered 401
 * before they count.
 */
export const exportRateLimit = (stores: LimitStores, perMinute: number): RequestHandler[] => [
  (req, _res, next) => {
    requireAuth(req)
    next()
  },
  countedLimit(stores, 'export:account', {
    windowMs: MINUTE_MS,
    limit: perMinute,
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
