import { canKeepVersions, type RestoreVersionResponse, VersionOrigin } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import * as Y from 'yjs'
import { forbidden, notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { assertNotFinal, documentOf } from '../documentOf.js'
import { overwriteWithVersion } from './overwriteWithVersion.js'

/**
 * Restores a version (coordinators and the secretariat; not on a final document), first
 * keeping the current text as "Before restore of …". Nothing typed meanwhile may fall
 * between the two:
 * 1. the current text is stored as that version; if it cannot be, nothing is restored;
 * 2. then, in one synchronous step (no edit can arrive in between), the text as it is at that
 *    instant is taken and the old content is written over it. Edits that arrived while step 1
 *    was writing are in that state, and are added to the version;
 * 3. edits made before the restore but arriving after it are caught by `inFlightEdits`.
 * Audited; returns the version restored and the "before" version.
 */
export const restoreVersion = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  versionId: string,
): Promise<RestoreVersionResponse> => {
  if (!canKeepVersions(actor.role)) throw forbidden()
  const doc = await documentOf(ctx, documentId)
  assertNotFinal(doc.status)
  const [version, stored] = await Promise.all([
    ctx.versions.info(doc.id, versionId),
    ctx.versions.content(doc.id, versionId),
  ])
  if (!version || !stored) throw notFound('Unknown version')
  const current = await ctx.live.read(doc.id, (live) => ({
    state: live.encodedState(),
    content: docToJSON(live.doc),
    snapshot: Y.snapshot(live.doc),
  }))
  const savedAs = await ctx.versions.create({
    documentId: doc.id,
    name: `Before restore of “${version.name}”`,
    note: null,
    kind: 'named',
    state: current.state,
    content: current.content,
    userId: actor.id,
    origin: {
      kind: VersionOrigin.beforeRestore,
      of: { id: version.id, name: version.name, kind: version.kind, createdAt: version.createdAt },
    },
  })
  ctx.events.publish(doc.id, { type: 'version', version: savedAs })
  await ctx.live.change(doc.id, 'restore', (live) => {
    const before = Y.encodeStateAsUpdate(live.doc)
    const behind = !Y.equalSnapshots(current.snapshot, Y.snapshot(live.doc))
    overwriteWithVersion(live.doc, stored.content, stored.state)
    ctx.inFlightEdits.follow(live, { documentId: doc.id, id: savedAs.id }, before, behind)
  })
  await ctx.audit.record({
    userId: actor.id,
    action: 'version.restored',
    documentId: doc.id,
    details: { versionId: version.id, savedAs: savedAs.id },
  })
  return { restored: version, savedAs }
}
