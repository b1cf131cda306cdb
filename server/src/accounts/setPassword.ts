import type { StoredUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { endSessions } from './endSessions.js'

/**
 * A new password, whichever way it is set (changed in the profile, or through an invitation
 * or reset link). Whoever knew the old one is locked out: every session but `keepToken`'s
 * ends, on every instance, and every link issued before stops working.
 */
export const setPassword = async (
  ctx: AccountsContext,
  userId: string,
  change: { passwordHash: string; name?: string; keepToken?: string },
): Promise<StoredUser | undefined> => {
  const updated = await ctx.users.update(userId, {
    passwordHash: change.passwordHash,
    ...(change.name ? { name: change.name } : {}),
  })
  // After the new hash is stored: a link or session taken in between would otherwise outlive it.
  await ctx.invitations.deleteForUser(userId)
  await endSessions(ctx, { userId, keepToken: change.keepToken })
  return updated
}
