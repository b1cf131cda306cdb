import type { ImportedDocument } from '@accord/import'
import { atLeast, type ImportPreview, type ImportResult, Role } from '@accord/protocol'
import { ImportFailed, ImportRefused } from '../import/ImportPool.js'
import type { ImportSlots } from '../import/ImportSlots.js'
import type { Logger } from '../logger.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { CommentStore } from '../store/CommentStore.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { DocumentStore } from '../store/DocumentStore.js'
import type { StoredUser } from '../store/UserStore.js'

/** What importing a document needs from the server. */
export interface ImportDocumentDeps {
  catalog: DocumentCatalog
  store: DocumentStore
  comments: CommentStore
  audit: AuditLog
  logger: Logger
  /** Reads a file into a document, off the main thread (`ImportPool.read`). */
  read(fileName: string, bytes: Uint8Array): Promise<ImportedDocument>
  /** Imports each account has running. */
  slots: ImportSlots
}

export interface ImportDocumentRequest {
  /** The file's name as the person picked it: its extension says what it should be. */
  fileName: string
  bytes: Uint8Array
  /** The new document's title; default the file's first heading, else its name. */
  title?: string
  /** Only read the file and say what would be created. */
  dryRun: boolean
}

/** The file cannot be imported; `reason` is stable and translated by the client. */
export class UnsupportedFileError extends Error {
  constructor(
    readonly reason: string,
    message: string,
  ) {
    super(message)
  }
}

/** The person's role may not create documents. */
export class ImportForbiddenError extends Error {}

/** The account already has as many imports running as it may. */
export class ImportBusyError extends Error {}

/** The file could not be read in time, or its worker failed; trying again may work. */
export class ImportUnavailableError extends Error {}

const read = async (
  deps: ImportDocumentDeps,
  user: StoredUser,
  request: ImportDocumentRequest,
): Promise<ImportedDocument> => {
  if (!deps.slots.take(user.id))
    throw new ImportBusyError('Wait until your other imports have finished')
  try {
    return await deps.read(request.fileName, request.bytes)
  } catch (error) {
    if (error instanceof ImportRefused) throw new UnsupportedFileError(error.reason, error.message)
    if (error instanceof ImportFailed) throw new ImportUnavailableError(error.message)
    throw error
  } finally {
    deps.slots.release(user.id)
  }
}

/**
 * Brings a file in as a new document (members and up): its text with clauses, its comments
 * as threads on the same words by their original authors, its tracked changes as
 * suggestions. The file is read completely before anything is stored, so a file that cannot
 * be read creates nothing; a store that fails half-way removes what it had created.
 */
export const importDocument = async (
  deps: ImportDocumentDeps,
  user: StoredUser,
  request: ImportDocumentRequest,
): Promise<{ preview: ImportPreview } | { result: ImportResult }> => {
  if (!atLeast(user.role, Role.member))
    throw new ImportForbiddenError('Observers cannot create documents')
  const imported = await read(deps, user, request)
  if (request.dryRun) return { preview: { report: imported.report, outline: imported.outline } }

  const title = request.title || imported.title
  const document = await deps.catalog.create(title, user.id)
  try {
    // Written before anyone can connect, like a template: the room loads it from storage.
    await deps.store.append(document.id, imported.update)
    await deps.comments.createImported(document.id, user.id, imported.threads)
  } catch (error) {
    await deps.catalog.remove(document.id).catch((cleanup: unknown) => {
      deps.logger.error(
        { err: cleanup, documentId: document.id },
        'could not remove a failed import',
      )
    })
    throw error
  }
  const { warnings, ...counts } = imported.report
  await deps.audit.record({
    userId: user.id,
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
