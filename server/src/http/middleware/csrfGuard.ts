import { ErrorCode } from '@accord/protocol'
import type { RequestHandler } from 'express'
import { HttpError } from '../HttpError.js'

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * State-changing requests must come from our own origin (browsers always send
 * Origin on them) and carry JSON, which a cross-site form cannot send without
 * a CORS preflight we never grant. The paths in `uploads` take a file upload
 * (multipart/form-data) instead; a cross-site form posting one carries another
 * Origin (refused above) and no session cookie (it is SameSite). A path is given as it is,
 * or as a pattern for paths with an id in them.
 */
export const csrfGuard =
  (publicOrigin: string, uploads: readonly (string | RegExp)[] = []): RequestHandler =>
  (req, _res, next) => {
    const isUpload = uploads.some((path) =>
      typeof path === 'string' ? path === req.path : path.test(req.path),
    )
    if (SAFE.has(req.method)) return next()
    const origin = req.get('origin')
    if (origin !== undefined && origin !== publicOrigin) {
      return next(
        new HttpError(403, ErrorCode.crossOrigin, 'Requests from other sites are refused'),
      )
    }
    const hasBody =
      Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined
    if (
      (hasBody || req.method === 'POST' || req.method === 'PATCH' || req.method === 'PUT') &&
      !req.is('application/json') &&
      !(isUpload && req.method === 'POST' && req.is('multipart/form-data'))
    ) {
      return next(
        new HttpError(415, ErrorCode.unsupportedMediaType, 'Send the body as application/json'),
      )
    }
    next()
  }
