import {
  canChangeStatus,
  canRenameDocument,
  type DocumentInfo,
  DocumentStatus,
  ErrorCode,
} from '@accord/protocol'
import type { UpdateDocumentRequest } from '@accord/protocol/requests'
import { conflict, documentFinal, forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { finalizeText, requireDecisionOnOpenItems } from '../finalize/finalizeText.js'

/** A rename or move retried this often when the status keeps changing under it. */
const MAX_UPDATE_ATTEMPTS = 3

/**
 * Who may change what, judged on the status the document has when the change is written:
 * observers rename nothing; a final document keeps its title, even in a request that reopens
 * it (reopen first); status moves follow `canChangeStatus`.
 */
const mayUpdate = (actor: Actor, doc: DocumentInfo, patch: UpdateDocumentRequest): void => {
  if (patch.title !== undefined && !canRenameDocument(actor.role)) {
    throw forbidden('Observers cannot rename documents')
  }
  if (patch.title !== undefined && doc.status === DocumentStatus.final) {
    throw documentFinal('A final document cannot be renamed; reopen it first')
  }
  if (patch.status !== undefined && !canChangeStatus(actor.role, doc.status, patch.status)) {
    throw forbidden('Your role cannot move this document to that status')
  }
}

/**
 * Checks, then writes only if the status is still the one checked; a status changed in
 * between (a finalize racing a rename) is checked again, so no change slips past it.
 */
const write = async (
  ctx: DocumentsContext,
  actor: Actor,
  id: string,
  patch: UpdateDocumentRequest,
) => {
  for (let attempt = 1; ; attempt++) {
    const doc = await documentOf(ctx, id)
    mayUpdate(actor, doc, patch)
    const title = patch.title !== doc.title ? patch.title : undefined
    const status = patch.status !== doc.status ? patch.status : undefined
    if (title === undefined && status === undefined) return { doc, updated: doc }
    if (status === DocumentStatus.final) {
      await requireDecisionOnOpenItems(ctx, doc.id, patch.openItems)
    }
    const updated = await ctx.catalog.update(doc.id, doc.status, { title, status }, actor.id)
    if (updated) return { doc, updated }
    if (attempt === MAX_UPDATE_ATTEMPTS) {
      throw conflict('The document changed meanwhile; try again', ErrorCode.conflict)
    }
  }
}

/**
 * Renames a document and moves it between draft, review and final. Finalizing needs a
 * decision on what is still open, takes open suggestions out of the text and keeps the agreed
 * text as the named version "Final"; open connections obey a new status with their next
 * message. Each change is audited; the document's event stream hears the result.
 */
export const updateDocument = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  patch: UpdateDocumentRequest,
): Promise<DocumentInfo> => {
  const { doc, updated } = await write(ctx, actor, documentId, patch)
  if (updated.status !== doc.status) {
    ctx.announceStatus(doc.id, updated.status)
    // Whoever moves it has it in front of them: not new to them in "my work".
    await ctx.documentOpens.record(actor.id, doc.id)
    const openItems =
      updated.status === DocumentStatus.final
        ? await finalizeText(ctx, actor, doc.id, patch.openItems)
        : undefined
    await ctx.audit.record({
      userId: actor.id,
      action: 'document.statusChanged',
      documentId: doc.id,
      details: {
        from: doc.status,
        to: updated.status,
        // Only a decision on open items is worth a line of its own; a clean finalize is not.
        ...(openItems && openItems.decision !== 'none' ? { openItems } : {}),
      },
    })
  }
  if (updated.title !== doc.title) {
    await ctx.audit.record({
      userId: actor.id,
      action: 'document.renamed',
      documentId: doc.id,
      details: { from: doc.title, to: updated.title },
    })
  }
  ctx.events.publish(doc.id, { type: 'document', document: updated })
  return updated
}
