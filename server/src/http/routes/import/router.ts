import { ErrorCode } from '@accord/protocol'
import {
  importDocumentFields,
  importDocumentQuery,
  importTranslationFields,
} from '@accord/protocol/requests'
import { type ErrorRequestHandler, type RequestHandler, Router } from 'express'
import type multer from 'multer'
import type { AppDeps } from '../../AppDeps.js'
import { HttpError } from '../../HttpError.js'
import { requireAuth } from '../../middleware/authenticate.js'
import { parse, parseId } from '../../parse.js'

export const IMPORT_PATH = '/documents/import'
/** A file brought in as a language version of the source `:id`. */
export const IMPORT_LANGUAGE_PATH = '/documents/:id/languages/import'
/** The same path as the CSRF guard matches it (an upload, not JSON). */
export const IMPORT_LANGUAGE_UPLOAD = /^\/documents\/[^/]+\/languages\/import$/

/** The uploaded file as the import operations take it. */
const uploaded = (file: Express.Multer.File | undefined) => {
  if (!file)
    throw new HttpError(400, ErrorCode.validation, 'Attach the file as the form field `file`')
  return {
    fileName: file.originalname,
    bytes: new Uint8Array(file.buffer.buffer, file.buffer.byteOffset, file.buffer.byteLength),
  }
}

/**
 * `POST /api/documents/import` (multipart/form-data: `file`, `title?`; `?dryRun=1` for a
 * preview), and `POST /api/documents/:id/languages/import` (`file`, `language`, `title?`;
 * `?dryRun=1`) for a language version: parse, call the import operation, answer. The file
 * is held in memory up to MAX_IMPORT_BYTES; a larger one is cut off while it arrives (413).
 */
export const importRouter = ({ config, documents }: AppDeps): Router => {
  const router = Router()
  let reader: { multer: typeof multer; single: RequestHandler } | undefined
  const upload: RequestHandler = async (req, res, next) => {
    if (!reader) {
      // The multipart reader, loaded with the first upload (issue 16: an idle server's memory).
      const multer = (await import('multer')).default
      reader ??= {
        multer,
        single: multer({
          storage: multer.memoryStorage(),
          limits: { fileSize: config.maxImportBytes, files: 1, fields: 4, parts: 6 },
        }).single('file'),
      }
    }
    reader.single(req, res, next)
  }

  // Before reading a large body, so a visitor without a session uploads nothing.
  const signedIn: RequestHandler = (req, _res, next) => {
    requireAuth(req)
    next()
  }

  const uploadErrors: ErrorRequestHandler = (err, _req, _res, next) => {
    if (reader && err instanceof reader.multer.MulterError) {
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
    const outcome = await documents.import(user, {
      ...uploaded(req.file),
      ...(title ? { title } : {}),
      dryRun,
    })
    if ('preview' in outcome) res.json(outcome.preview)
    else res.status(201).json(outcome.result)
  }

  const handleLanguage: RequestHandler = async (req, res) => {
    const { user } = requireAuth(req)
    const { dryRun } = parse(importDocumentQuery, req.query)
    const fields = parse(importTranslationFields, req.body)
    const sourceId = parseId(req.params.id)
    const outcome = await documents.importLanguage(user, sourceId, {
      ...uploaded(req.file),
      ...fields,
      dryRun,
    })
    if ('preview' in outcome) res.json(outcome.preview)
    else res.status(201).json(outcome.result)
  }

  router.post(IMPORT_PATH, signedIn, upload, uploadErrors, handle)
  router.post(IMPORT_LANGUAGE_PATH, signedIn, upload, uploadErrors, handleLanguage)
  return router
}
