import type { CommentThread } from '@accord/protocol'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { publishThread, threadOf } from './threadOf.js'

/** A reply in a thread (every role); audited and published. */
export const replyToThread = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  threadId: string,
  request: { body: string },
): Promise<CommentThread> => {
  const thread = await threadOf(ctx, documentId, threadId)
  await ctx.comments.reply(thread.id, actor.id, request.body)
  await ctx.audit.record({
    userId: actor.id,
    action: 'comment.replied',
    documentId,
    details: { threadId: thread.id },
  })
  return publishThread(ctx, documentId, thread.id)
}
