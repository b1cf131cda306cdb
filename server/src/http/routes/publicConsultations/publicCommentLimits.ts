import { ErrorCode, normalizeEmail } from '@accord/protocol'
import type { RequestHandler } from 'express'
import { ipKeyGenerator } from 'express-rate-limit'
import { HttpError } from '../../HttpError.js'
import { countedLimit, type LimitStores } from '../../limits/countedLimit.js'

const WINDOW_MS = 10 * 60_000
/** Comments one client address may send per window: a busy office behind one address fits. */
const PER_ADDRESS = 30
/** Comments one e-mail address may send per window. */
const PER_EMAIL = 10

const tooMany: RequestHandler = (_req, _res, next) =>
  next(
    new HttpError(
      429,
      ErrorCode.tooManyRequests,
      'Too many comments in a short time; wait a few minutes',
    ),
  )

/**
 * Spam defences without third parties: accepted comments are counted per client address and
 * per e-mail address (10 minutes, by all instances together); refused ones do not count, so
 * a person who mistyped is not locked out. Made once per app, shared by the JSON API and the
 * form.
 */
export const publicCommentLimits = (stores: LimitStores): RequestHandler[] => [
  countedLimit(stores, 'public-comment:address', {
    windowMs: WINDOW_MS,
    limit: PER_ADDRESS,
    skipFailedRequests: true,
    keyGenerator: (req) => ipKeyGenerator(req.ip ?? ''),
    handler: tooMany,
  }),
  countedLimit(stores, 'public-comment:email', {
    windowMs: WINDOW_MS,
    limit: PER_EMAIL,
    skipFailedRequests: true,
    keyGenerator: (req) => `email:${normalizeEmail(String(req.body?.email ?? ''))}`,
    handler: tooMany,
  }),
]
