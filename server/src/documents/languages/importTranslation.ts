import {
  documentLanguageInfo,
  type ImportTranslationPreview,
  type ImportTranslationResult,
} from '@accord/protocol'
import type { ImportTranslationFields } from '@accord/protocol/requests'
import { clauseOutline } from '@accord/schema'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { type ImportFile, readImportFile } from '../import/readImportFile.js'
import { storeImported } from '../import/storeImported.js'
import { alignImportedClauses } from './alignImportedClauses.js'
import { languageExists, newLanguageOf } from './newLanguageOf.js'

export interface ImportTranslationRequest extends ImportFile, ImportTranslationFields {
  /** Only read the file and say what would be created and how its clauses align. */
  dryRun: boolean
}

/**
 * Brings a file in as a language version of a source document (who may add a language
 * version may do this): the file's text, comments and tracked changes as an import brings
 * them, its clauses tied to the source's clauses by place (`alignImportedClauses`), with a
 * report of those that found no partner. Nothing is created for a preview, for a file that
 * cannot be read, or when the language exists; a store that fails half-way removes the
 * version again.
 */
export const importTranslation = async (
  ctx: DocumentsContext,
  actor: Actor,
  sourceId: string,
  request: ImportTranslationRequest,
): Promise<{ preview: ImportTranslationPreview } | { result: ImportTranslationResult }> => {
  const { source, language, content, clauseLabel } = await newLanguageOf(
    ctx,
    actor,
    sourceId,
    request.language,
  )
  const imported = await readImportFile(ctx, actor, request)
  const { update, alignment } = alignImportedClauses(
    imported.update,
    imported.outline,
    clauseOutline(content),
    { language, clauseLabel },
  )
  if (request.dryRun)
    return { preview: { report: imported.report, outline: imported.outline, alignment } }

  const title = request.title ?? `${source.title} (${documentLanguageInfo(language).nativeName})`
  const document = await ctx.catalog.createTranslation(title, actor.id, language, source.id)
  if (!document) throw languageExists()
  await storeImported(ctx, actor, document.id, { update, threads: imported.threads })
  const { warnings, ...counts } = imported.report
  await ctx.audit.record({
    userId: actor.id,
    action: 'translation.imported',
    documentId: document.id,
    details: {
      sourceDocumentId: source.id,
      language,
      fileName: request.fileName,
      ...counts,
      matched: alignment.matched,
      extra: alignment.extra.length,
      missing: alignment.missing.length,
      warnings: warnings.map((w) => w.code),
    },
  })
  ctx.events.publish(source.id, { type: 'languages' })
  return { result: { document, report: imported.report, alignment } }
}
