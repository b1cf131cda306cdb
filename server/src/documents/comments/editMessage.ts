import type { CommentThread } from '@accord/protocol'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { ownMessage } from './ownMessage.js'
import { publishThread } from './threadOf.js'

/** Changes the words of one's own message; audited and published. */
export const editMessage = async (
  ctx: DocumentsContext,
  actor: Actor,
  at: { documentId: string; threadId: string; messageId: string },
  request: { body: string },
): Promise<CommentThread> => {
  const { thread, message } = await ownMessage(ctx, actor, at)
  await ctx.comments.editMessage(message.id, request.body)
  await ctx.audit.record({
    userId: actor.id,
    action: 'comment.edited',
    documentId: at.documentId,
    details: { threadId: thread.id },
  })
  return publishThread(ctx, at.documentId, thread.id)
}
