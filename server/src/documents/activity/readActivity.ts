import { type AuditEntry, canAdminister } from '@accord/protocol'
import type { ActivityQuery } from '@accord/protocol/requests'
import { forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/** A document's audit log, read back, with its edits per day (everyone who can open it). */
export const documentActivity = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
  page: ActivityQuery,
) => {
  const doc = await documentOf(ctx, documentId)
  const [entries, editsPerDay] = await Promise.all([
    ctx.audit.list({ documentId: doc.id, ...page }),
    ctx.audit.editsPerDay(doc.id),
  ])
  return { entries, editsPerDay }
}

/** The whole installation's audit log (the secretariat). */
export const installationActivity = async (
  ctx: DocumentsContext,
  actor: Actor,
  page: ActivityQuery,
): Promise<AuditEntry[]> => {
  if (!canAdminister(actor.role)) throw forbidden()
  return ctx.audit.list(page)
}
