import type { CommentThread } from '@accord/protocol'
import type { ReplyRequest } from '@accord/protocol/requests'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { mentionsOf } from './mentionsOf.js'
import { publishThread, threadOf } from './threadOf.js'

/** A reply in a thread (every role); audited and published. */
export const replyToThread = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  threadId: string,
  request: ReplyRequest,
): Promise<CommentThread> => {
  const thread = await threadOf(ctx, documentId, threadId)
  const mentions = await mentionsOf(ctx, request.mentions)
  await ctx.comments.reply(thread.id, actor.id, request.body)
  await ctx.audit.record({
    userId: actor.id,
    action: 'comment.replied',
    documentId,
    details: { threadId: thread.id, ...mentions },
  })
  return publishThread(ctx, documentId, thread.id)
}
