import { canCreateDocument, type ImportPreview, type ImportResult } from '@accord/protocol'
import { forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { type ImportFile, readImportFile } from './readImportFile.js'
import { storeImported } from './storeImported.js'

export interface ImportDocumentRequest extends ImportFile {
  /** The new document's title; default the file's first heading, else its name. */
  title?: string
  /** Only read the file and say what would be created. */
  dryRun: boolean
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
  const imported = await readImportFile(ctx, actor, request)
  if (request.dryRun) return { preview: { report: imported.report, outline: imported.outline } }

  const title = request.title || imported.title
  const document = await ctx.catalog.create(title, actor.id)
  await storeImported(ctx, actor, document.id, imported)
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
