import { forbidden, notFound } from '../../errors/DomainError.js'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { threadOf } from './threadOf.js'

/** The thread and the actor's own message in it: only its author changes a message. */
export const ownMessage = async (
  ctx: DocumentsContext,
  actor: Actor,
  at: { documentId: string; threadId: string; messageId: string },
) => {
  const thread = await threadOf(ctx, at.documentId, at.threadId)
  const message = thread.messages.find((m) => m.id === at.messageId)
  if (!message) throw notFound('Unknown comment')
  if (message.author.id !== actor.id) throw forbidden('Only its author may change a comment')
  return { thread, message }
}
