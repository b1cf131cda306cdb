import type { Cluster } from '../cluster/Cluster.js'
import type { InvitationStore } from '../store/InvitationStore.js'
import type { PasswordResetStore } from '../store/PasswordResetStore.js'
import type { SessionStore } from '../store/SessionStore.js'
import type { StoredUser, UserStore } from '../store/UserStore.js'
import { endSessions } from './endSessions.js'

/**
 * A new password, whichever way it is set (changed in the profile, or through an invitation
 * or reset link). Whoever knew the old one is locked out: every session but `keepToken`'s
 * ends, on every instance, and every link issued before stops working.
 */
export const setPassword = async (
  deps: {
    users: UserStore
    invitations: InvitationStore
    passwordResets: PasswordResetStore
    sessions: SessionStore
    cluster: Cluster
  },
  userId: string,
  change: { passwordHash: string; name?: string; keepToken?: string },
): Promise<StoredUser | undefined> => {
  const updated = await deps.users.update(userId, {
    passwordHash: change.passwordHash,
    ...(change.name ? { name: change.name } : {}),
  })
  // After the new hash is stored: a link or session taken in between would otherwise outlive it.
  await deps.invitations.deleteForUser(userId)
  await deps.passwordResets.deleteForUser(userId)
  await endSessions(deps, { userId, keepToken: change.keepToken })
  return updated
}
