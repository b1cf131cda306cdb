import type { ImportedDocument } from '@accord/import'
import {
  canCreateDocument,
  ErrorCode,
  type ImportPreview,
  type ImportResult,
} from '@accord/protocol'
import { DomainError, forbidden, invalid, tooMany } from '../../errors/DomainError.js'
import { ImportFailed, ImportRefused } from '../../import/ImportPool.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'

export interface ImportDocumentRequest {
  /** The file's name as the person picked it: its extension says what it should be. */
  fileName: string
  bytes: Uint8Array
  /** The new document's title; default the file's first heading, else its name. */
  title?: string
  /** Only read the file and say what would be created. */
  dryRun: boolean
}

/** A retry is worth it after this long when the account's imports are busy or a read failed. */
const RETRY_AFTER_SECONDS = 30

/** Reads the file in a worker, holding one of the account's import places meanwhile. */
const read = async (
  ctx: DocumentsContext,
  actor: Actor,
  request: ImportDocumentRequest,
): Promise<ImportedDocument> => {
  if (!ctx.importSlots.take(actor.id))
    throw tooMany('Wait until your other imports have finished', RETRY_AFTER_SECONDS)
  try {
    return await ctx.importPool.read(request.fileName, request.bytes)
  } catch (error) {
    // `details.reason` is stable; the client translates it.
    if (error instanceof ImportRefused)
      throw invalid(error.message, ErrorCode.unsupportedFile, { reason: error.reason })
    if (error instanceof ImportFailed)
      throw new DomainError(
        'unavailable',
        ErrorCode.unavailable,
        error.message,
        undefined,
        RETRY_AFTER_SECONDS,
      )
    throw error
  } finally {
    ctx.importSlots.release(actor.id)
  }
}

/**
 * Brings a file in as a new document (members and up): its text with clauses, its comments
 * as threads on the same words by their original authors, its tracked changes as
 * suggestions. The file is read completely before anything is stored, so a file that cannot
 * be read creates nothing; a store that fails half-way removes what it had created.
 */
export const importDocument = async (
  ctx: DocumentsContext,
  actor: Actor,
  request: ImportDocumentRequest,
): Promise<{ preview: ImportPreview } | { result: ImportResult }> => {
  if (!canCreateDocument(actor.role)) throw forbidden('Observers cannot create documents')
  const imported = await read(ctx, actor, request)
  if (request.dryRun) return { preview: { report: imported.report, outline: imported.outline } }

  const title = request.title || imported.title
  const document = await ctx.catalog.create(title, actor.id)
  try {
    // Written before anyone can connect, like a template.
    await ctx.live.seed(document.id, imported.update)
    await ctx.comments.createImported(document.id, actor.id, imported.threads)
  } catch (error) {
    await ctx.catalog.remove(document.id).catch((cleanup: unknown) => {
      ctx.logger.error(
        { err: cleanup, documentId: document.id },
        'could not remove a failed import',
      )
    })
    throw error
  }
  const { warnings, ...counts } = imported.report
  await ctx.audit.record({
    userId: actor.id,
    action: 'document.imported',
    documentId: document.id,
    details: {
      title,
      fileName: request.fileName,
      ...counts,
      warnings: warnings.map((w) => w.code),
    },
  })
  return { result: { document, report: imported.report } }
}
