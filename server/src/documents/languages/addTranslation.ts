import { type DocumentInfo, documentLanguageInfo } from '@accord/protocol'
import type { AddLanguageRequest } from '@accord/protocol/requests'
import { jsonToUpdate, translationDocument } from '@accord/schema'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { languageExists, newLanguageOf } from './newLanguageOf.js'

/**
 * Adds a language version to a source (coordinators and up): a document of its own, with
 * the source's clause structure and clause ids, in the requested language, its text empty
 * or copied from the source's adopted text. A second version in a language (the source's
 * own included) is refused; two people adding the same one at once get one document.
 */
export const addTranslation = async (
  ctx: DocumentsContext,
  actor: Actor,
  sourceId: string,
  request: AddLanguageRequest,
): Promise<DocumentInfo> => {
  const { source, language, content, clauseLabel } = await newLanguageOf(
    ctx,
    actor,
    sourceId,
    request.language,
  )
  const info = documentLanguageInfo(language)
  const title = request.title ?? `${source.title} (${info.nativeName})`
  const translation = await ctx.catalog.createTranslation(title, actor.id, language, source.id)
  if (!translation) throw languageExists()
  // Written before anyone connects, like a template: the structure and the language setting.
  await ctx.live.seed(
    translation.id,
    jsonToUpdate(translationDocument(content, request.fill), { language, clauseLabel }),
  )
  await ctx.audit.record({
    userId: actor.id,
    action: 'translation.created',
    documentId: translation.id,
    details: { sourceDocumentId: source.id, language, fill: request.fill },
  })
  ctx.events.publish(source.id, { type: 'languages' })
  return translation
}
