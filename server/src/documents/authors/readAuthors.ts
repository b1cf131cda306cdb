import type { DocumentAuthorsResponse } from '@accord/protocol'
import type { AuthorsQuery } from '@accord/protocol/requests'
import * as Y from 'yjs'
import { notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/**
 * Who wrote under each client id of a document (every role: whoever may read the text may
 * see who wrote it). With `since`, the state vector of that version too: text whose items
 * lie beyond it was written after the version.
 */
export const readAuthors = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
  query: AuthorsQuery,
): Promise<DocumentAuthorsResponse> => {
  const doc = await documentOf(ctx, documentId)
  const [authors, since] = await Promise.all([
    ctx.authors.list(doc.id),
    query.since ? ctx.versions.content(doc.id, query.since) : undefined,
  ])
  if (!query.since) return { authors }
  if (!since) throw notFound('Unknown version')
  const stateVector = Y.encodeStateVectorFromUpdate(since.state)
  return {
    authors,
    since: { versionId: query.since, stateVector: Buffer.from(stateVector).toString('base64') },
  }
}
