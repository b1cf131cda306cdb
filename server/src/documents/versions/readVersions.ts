import type { VersionInfo } from '@accord/protocol'
import { type DocumentSettings, settingsOfState } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/** A document's versions, newest first (every role). */
export const listVersions = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
): Promise<VersionInfo[]> => {
  const doc = await documentOf(ctx, documentId)
  return ctx.versions.list(doc.id)
}

/** One version's text, with its own settings (language, labels), so it is shown as it was. */
export const getVersion = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
  versionId: string,
): Promise<{ version: VersionInfo; content: JSONContent; settings: DocumentSettings }> => {
  const doc = await documentOf(ctx, documentId)
  const [version, stored] = await Promise.all([
    ctx.versions.info(doc.id, versionId),
    ctx.versions.content(doc.id, versionId),
  ])
  if (!version || !stored) throw notFound('Unknown version')
  return { version, content: stored.content, settings: settingsOfState(stored.state) }
}
