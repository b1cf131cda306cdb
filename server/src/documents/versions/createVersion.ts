import { canKeepVersions, type VersionInfo } from '@accord/protocol'
import type { CreateVersionRequest } from '@accord/protocol/requests'
import { forbidden } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { takeSnapshot } from './takeSnapshot.js'

/** Names the current text as a version (coordinators and the secretariat); audited. */
export const createVersion = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  request: CreateVersionRequest,
): Promise<VersionInfo> => {
  if (!canKeepVersions(actor.role)) throw forbidden()
  const doc = await documentOf(ctx, documentId)
  const version = await takeSnapshot(ctx, {
    documentId: doc.id,
    name: request.name,
    note: request.note ?? null,
    userId: actor.id,
  })
  await ctx.audit.record({
    userId: actor.id,
    action: 'version.created',
    documentId: doc.id,
    details: { versionId: version.id, name: version.name },
  })
  return version
}
