import { ErrorCode } from '@accord/protocol'
import { importDocumentFields, importDocumentQuery } from '@accord/protocol/requests'
import { type ErrorRequestHandler, type RequestHandler, Router } from 'express'
import multer from 'multer'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse } from '../../parse.js'

export const IMPORT_PATH = '/documents/import'

/**
 * `POST /api/documents/import` (multipart/form-data: `file`, `title?`; `?dryRun=1` for a
 * preview): parses, calls the import operation, answers. The file is held in memory up to
 * MAX_IMPORT_BYTES; a larger one is cut off while it arrives (413).
 */
export const importRouter = ({ config, documents }: AppDeps): Router => {
  const router = Router()
  const upload = multer({
    storage: multer.memoryStorage(),
    limits: { fileSize: config.maxImportBytes, files: 1, fields: 4, parts: 6 },
  }).single('file')

  // Before reading a large body, so a visitor without a session uploads nothing.
  const signedIn: RequestHandler = (req, _res, next) => {
    requireAuth(req)
    next()
  }

  const uploadErrors: ErrorRequestHandler = (err, _req, _res, next) => {
    if (err instanceof multer.MulterError) {
      if (err.code === 'LIMIT_FILE_SIZE') {
        const mib = (config.maxImportBytes / (1024 * 1024)).toFixed(1)
        return next(
          new HttpError(
            413,
            ErrorCode.tooLarge,
            `The file is larger than the import limit (${mib} MiB)`,
            {
              reason: 'too_large',
              limitBytes: config.maxImportBytes,
            },
          ),
        )
      }
      return next(new HttpError(400, ErrorCode.badRequest, `The upload is malformed (${err.code})`))
    }
    next(err)
  }

  const handle: RequestHandler = async (req, res) => {
    const { user } = requireAuth(req)
    const { dryRun } = parse(importDocumentQuery, req.query)
    const { title } = parse(importDocumentFields, req.body)
    const file = req.file
    if (!file)
      throw new HttpError(400, ErrorCode.validation, 'Attach the file as the form field `file`')
    const outcome = await documents.import(user, {
      fileName: file.originalname,
      bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
      ...(title ? { title } : {}),
      dryRun,
    })
    if ('preview' in outcome) res.json(outcome.preview)
    else res.status(201).json(outcome.result)
  }

  router.post(IMPORT_PATH, signedIn, upload, uploadErrors, handle)
  return router
}
