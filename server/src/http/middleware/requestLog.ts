import { randomUUID } from 'node:crypto'
import type { RequestHandler } from 'express'
import type { Logger } from '../../logger.js'

/** One structured line per API request, with a request id (also sent back as X-Request-Id). */
export const requestLog =
  (logger: Logger): RequestHandler =>
  (req, res, next) => {
    const id = randomUUID()
    const started = performance.now()
    res.setHeader('X-Request-Id', id)
    res.on('finish', () => {
      logger.info(
        {
          reqId: id,
          method: req.method,
          path: req.path,
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      )
    })
    next()
  }
