import type { Actor } from '../documents/DocumentsContext.js'
import { notFound } from '../errors/DomainError.js'
import type { NotificationsContext } from './NotificationsContext.js'

const known = async (ctx: NotificationsContext, documentId: string) => {
  if (!(await ctx.catalog.get(documentId))) throw notFound('Unknown document')
}

/** Whether the person watches the document. */
export const isWatching = async (
  ctx: NotificationsContext,
  actor: Actor,
  documentId: string,
): Promise<boolean> => {
  await known(ctx, documentId)
  return ctx.watches.isWatching(actor.id, documentId)
}

/** Starts or stops watching a document (anyone signed in, for themselves). */
export const setWatching = async (
  ctx: NotificationsContext,
  actor: Actor,
  documentId: string,
  watching: boolean,
): Promise<boolean> => {
  await known(ctx, documentId)
  await ctx.watches.set(actor.id, documentId, watching)
  return watching
}
