import type { CommentThread } from '@accord/protocol'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { documentOf } from '../documentOf.js'

/** A document's comment threads (every role). */
export const listThreads = async (
  ctx: DocumentsContext,
  _actor: Actor,
  documentId: string,
): Promise<CommentThread[]> => ctx.comments.list((await documentOf(ctx, documentId)).id)
