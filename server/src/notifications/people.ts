import type { MentionablePerson } from '@accord/protocol'
import type { MentionableQuery } from '@accord/protocol/requests'
import type { Actor } from '../documents/DocumentsContext.js'
import type { NotificationsContext } from './NotificationsContext.js'

/**
 * People whose name contains `q`, for the @ list and a round's participants. Everyone signed
 * in may mention anyone with an active account: names and ids only, no addresses.
 */
export const mentionable = async (
  ctx: NotificationsContext,
  _actor: Actor,
  { q, limit }: MentionableQuery,
): Promise<MentionablePerson[]> => {
  const query = q.trim().toLocaleLowerCase()
  return (await ctx.users.list())
    .filter((u) => u.active && u.name.toLocaleLowerCase().includes(query))
    .slice(0, limit)
    .map((u) => ({ id: u.id, name: u.name }))
}
