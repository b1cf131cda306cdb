import type { CommentThread } from '@accord/protocol'
import type { CreateThreadRequest } from '@accord/protocol/requests'
import { invalid } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'
import { anchorResolves } from './anchors/anchorResolves.js'
import { mentionsOf } from './mentionsOf.js'
import { publishThread } from './threadOf.js'

/** A new thread on words of the live text (every role may comment); audited and published. */
export const createThread = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  request: CreateThreadRequest,
): Promise<CommentThread> => {
  const doc = await documentOf(ctx, documentId)
  const mentions = await mentionsOf(ctx, request.mentions)
  const resolves = await ctx.live.read(doc.id, (live) => anchorResolves(live.doc, request.anchor))
  if (!resolves) {
    throw invalid('The anchor does not point into this document', undefined, [
      { path: 'anchor', message: 'unknown position' },
    ])
  }
  const created = await ctx.comments.create({
    documentId: doc.id,
    userId: actor.id,
    body: request.body,
    quote: request.quote,
    anchor: request.anchor,
    clauseId: request.clauseId ?? null,
    type: request.type ?? 'general',
    proposedChange: request.proposedChange || null,
  })
  await ctx.audit.record({
    userId: actor.id,
    action: 'comment.created',
    documentId: doc.id,
    details: { threadId: created.id, ...mentions },
  })
  return publishThread(ctx, doc.id, created.id)
}
