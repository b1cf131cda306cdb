import type { InboxResponse } from '@accord/protocol'
import type { MarkNotificationsReadRequest } from '@accord/protocol/requests'
import type { Actor } from '../documents/DocumentsContext.js'
import type { NotificationsContext } from './NotificationsContext.js'

/** The newest of a person's inbox items, and how many are unread. */
export const listInbox = async (
  ctx: NotificationsContext,
  actor: Actor,
  limit: number,
): Promise<InboxResponse> => {
  const [notifications, unread] = await Promise.all([
    ctx.notifications.list(actor.id, limit),
    ctx.notifications.unread(actor.id),
  ])
  return { notifications, unread }
}

/** Marks items read (the ones named, or all); the new count goes to the person's streams. */
export const markRead = async (
  ctx: NotificationsContext,
  actor: Actor,
  which: MarkNotificationsReadRequest,
): Promise<void> => {
  await ctx.notifications.markRead(actor.id, which)
  ctx.inbox.publish(actor.id, await ctx.notifications.unread(actor.id))
}

/**
 * Follows a person's unread count live; the count as it is now is sent first, after
 * subscribing, so no change falls between. Returns the unsubscribe function.
 */
export const followUnread = (
  ctx: NotificationsContext,
  actor: Actor,
  listener: (unread: number) => void,
): (() => void) => {
  const unsubscribe = ctx.inbox.subscribe(actor.id, listener)
  void ctx.notifications.unread(actor.id).then(listener, () => undefined)
  return unsubscribe
}
