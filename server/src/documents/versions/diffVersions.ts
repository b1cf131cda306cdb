import { diffDocuments } from '@accord/diff'
import { docToJSON, readSettings } from '@accord/schema'
import { notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/** `current` names the live text instead of a version. */
export const CURRENT = 'current'

/** The clause-by-clause differences between two versions, or a version and the live text. */
export const diffVersions = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
  query: { from: string; to: string },
) => {
  const doc = await documentOf(ctx, documentId)
  const live = await ctx.live.read(doc.id, ({ doc: ydoc }) => ({
    content: docToJSON(ydoc),
    language: readSettings(ydoc).language,
  }))
  const contentOf = async (id: string) => {
    if (id === CURRENT) return live.content
    const stored = await ctx.versions.content(doc.id, id)
    if (!stored) throw notFound(`Unknown version ${id}`)
    return stored.content
  }
  const [before, after] = await Promise.all([contentOf(query.from), contentOf(query.to)])
  return { from: query.from, to: query.to, ...diffDocuments(before, after, live.language) }
}
