import { canCreateDocument, type DocumentInfo } from '@accord/protocol'
import type { CreateDocumentRequest } from '@accord/protocol/requests'
import { settingsUpdate, templateUpdate } from '@accord/schema'
import { forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'

/** A new document (members and up): blank in its language, or from a template; audited. */
export const createDocument = async (
  ctx: DocumentsContext,
  actor: Actor,
  request: CreateDocumentRequest,
): Promise<DocumentInfo> => {
  if (!canCreateDocument(actor.role)) throw forbidden()
  const { title, language, template } = request
  const doc = await ctx.catalog.create(title, actor.id)
  // Written before anyone connects: the template's text, or only the language of a blank page.
  await ctx.live.seed(
    doc.id,
    template
      ? templateUpdate({ title, language, clauses: template.clauses, preface: template.preface })
      : settingsUpdate({ language }),
  )
  await ctx.audit.record({
    userId: actor.id,
    action: 'document.created',
    documentId: doc.id,
    details: { title },
  })
  return doc
}
