import { bindContext } from '../bindContext.js'
import { followUnread, listInbox, markRead } from './inbox.js'
import { mailOutbox, mailSettings, unsubscribe, unsubscribeTarget } from './mailSettings.js'
import type { NotificationsContext } from './NotificationsContext.js'
import { mentionable } from './people.js'
import { isWatching, setWatching } from './watching.js'

/** Every thing a person does with their inbox, mail and watched documents. */
export const notificationOperations = (ctx: NotificationsContext) => {
  const bind = <A extends unknown[], R>(op: (c: typeof ctx, ...args: A) => R) =>
    bindContext(ctx, op)
  return {
    listInbox: bind(listInbox),
    markRead: bind(markRead),
    followUnread: bind(followUnread),
    mentionable: bind(mentionable),
    isWatching: bind(isWatching),
    setWatching: bind(setWatching),
    mailSettings: bind(mailSettings),
    mailOutbox: bind(mailOutbox),
    unsubscribeTarget: bind(unsubscribeTarget),
    unsubscribe: bind(unsubscribe),
  }
}

export type NotificationOperations = ReturnType<typeof notificationOperations>
