import type { ImportedThread } from '@accord/import'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'

/**
 * Stores what an import brought into the document just created for it: the text (written
 * before anyone can connect, like a template) and the comment threads. A store that fails
 * half-way removes the document again, so a failed import leaves nothing behind.
 */
export const storeImported = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  content: { update: Uint8Array; threads: ImportedThread[] },
): Promise<void> => {
  try {
    await ctx.live.seed(documentId, content.update)
    await ctx.comments.createImported(documentId, actor.id, content.threads)
  } catch (error) {
    await ctx.catalog.remove(documentId).catch((cleanup: unknown) => {
      ctx.logger.error({ err: cleanup, documentId }, 'could not remove a failed import')
    })
    throw error
  }
}
