import { BILINGUAL_FORMATS, type ExportFormat } from '@accord/export'
import { type DocumentInfo, ErrorCode } from '@accord/protocol'
import { create as contentDisposition } from 'content-disposition'
import { Router } from 'express'
import { renderExport } from '../../../services/renderExport.js'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError, notFound } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'
import { exportError } from './exportErrors.js'
import { exportRateLimit } from './exportRateLimit.js'
import { exportQuery } from './schema.js'

/** The source a translation's two-column copy stands beside; 400 for a source or a format without one. */
const bilingualSourceOf = async (deps: AppDeps, doc: DocumentInfo, format: ExportFormat) => {
  if (!(BILINGUAL_FORMATS as readonly string[]).includes(format)) {
    throw new HttpError(
      400,
      ErrorCode.validation,
      `bilingual: only ${BILINGUAL_FORMATS.join(', ')}`,
    )
  }
  const source = doc.sourceDocumentId ? await deps.catalog.get(doc.sourceDocumentId) : undefined
  if (!source) {
    throw new HttpError(
      409,
      ErrorCode.notATranslation,
      'Only a translation has a source to stand beside',
    )
  }
  return { documentId: source.id, title: source.title }
}

/**
 * Export of a document's current text or of one of its versions, as a download. Every
 * signed-in role may export (observers included); each export is in the audit log. Limited
 * per account and minute, and by the places of the export queue (see `renderExport`).
 */
export const exportRouter = (deps: AppDeps): Router => {
  const router = Router()

  router.get(
    '/documents/:id/export',
    ...exportRateLimit(deps.config.exports.perMinute),
    async (req, res) => {
      const { user } = requireAuth(req)
      const doc = await deps.catalog.get(parseId(req.params.id))
      if (!doc) throw notFound('Unknown document')
      const query = parse(exportQuery, req.query)
      // A malformed version id cannot name a version: 404, like an unknown one.
      const versionId = query.version === undefined ? undefined : parseId(query.version)
      const bilingualSource = query.bilingual
        ? await bilingualSourceOf(deps, doc, query.format)
        : undefined
      const file = await renderExport(deps, user.id, {
        documentId: doc.id,
        title: doc.title,
        format: query.format,
        versionId,
        comments: Boolean(query.comments),
        suggestions: query.suggestions,
        bilingualSource,
      }).catch((err: unknown) => {
        throw exportError(res, err)
      })
      if (!file) throw notFound('Unknown version')
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
