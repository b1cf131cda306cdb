import { exportQuery } from '@accord/protocol/requests'
import { create as contentDisposition } from 'content-disposition'
import { Router } from 'express'
import type { AppDeps } from '../../AppDeps.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import { exportRateLimit } from './exportRateLimit.js'

/** A document's current text or one of its versions, as a download; limited per account and minute. */
export const exportRouter = ({ config, documents, limitStores }: AppDeps): Router => {
  const router = Router()

  router.get(
    '/documents/:id/export',
    ...exportRateLimit(limitStores, config.exports.perMinute),
    async (req, res) => {
      const { user } = requireAuth(req)
      const { version, ...query } = parse(exportQuery, req.query)
      // A malformed version id cannot name a version: 404, like an unknown one.
      const versionId = version === undefined ? undefined : parseId(version)
      const file = await documents.export(user, parseId(req.params.id), { ...query, versionId })
      res.setHeader('Content-Type', file.contentType)
      res.setHeader(
        'Content-Disposition',
        contentDisposition(file.fileName, { fallback: file.asciiFileName }),
      )
      res.send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength))
    },
  )

  return router
}
