import type { ImportedDocument } from '@accord/import'
import { ErrorCode } from '@accord/protocol'
import { DomainError, invalid, tooMany } from '../../errors/DomainError.js'
import { ImportFailed, ImportRefused } from '../../import/ImportPool.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'

/** A file to import, as it was uploaded. */
export interface ImportFile {
  /** The file's name as the person picked it: its extension says what it should be. */
  fileName: string
  bytes: Uint8Array
}

/** A retry is worth it after this long when the account's imports are busy or a read failed. */
const RETRY_AFTER_SECONDS = 30

/** Reads the file in a worker, holding one of the account's import places meanwhile. */
export const readImportFile = async (
  ctx: DocumentsContext,
  actor: Actor,
  request: ImportFile,
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
