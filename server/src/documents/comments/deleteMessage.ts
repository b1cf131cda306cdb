import type { CommentThread } from '@accord/protocol'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { ownMessage } from './ownMessage.js'
import { publishThread } from './threadOf.js'

/**
 * Deletes one's own message; the thread goes with its last message. Audited and published.
 * Returns the thread as it is now, or undefined when it is gone.
 */
export const deleteMessage = async (
  ctx: DocumentsContext,
  actor: Actor,
  at: { documentId: string; threadId: string; messageId: string },
): Promise<CommentThread | undefined> => {
  const { thread, message } = await ownMessage(ctx, actor, at)
  const threadGone = await ctx.comments.deleteMessage(thread.id, message.id)
  await ctx.audit.record({
    userId: actor.id,
    action: 'comment.deleted',
    documentId: at.documentId,
    details: { threadId: thread.id },
  })
  if (threadGone) {
    ctx.events.publish(at.documentId, { type: 'threadDeleted', threadId: thread.id })
    return undefined
  }
  return publishThread(ctx, at.documentId, thread.id)
}
