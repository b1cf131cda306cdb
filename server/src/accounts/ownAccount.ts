import { ErrorCode, type User } from '@accord/protocol'
import type { ChangePasswordRequest, UpdateProfileRequest } from '@accord/protocol/requests'
import { hashPassword, verifyPassword } from '../auth/password.js'
import { assertStrongPassword } from '../auth/passwordPolicy.js'
import { DomainError } from '../errors/DomainError.js'
import { publicUser, type StoredUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { presenceOf } from './presenceOf.js'
import { setPassword } from './setPassword.js'

/** The signed-in person's own account, as the API shows it. */
export const me = (actor: StoredUser): User => publicUser(actor)

/** Changes one's name or interface language; a new name reaches collaborators at once. */
export const updateProfile = async (
  ctx: AccountsContext,
  actor: StoredUser,
  patch: UpdateProfileRequest,
): Promise<User> => {
  const updated = (await ctx.users.update(actor.id, patch)) as StoredUser
  if (patch.name !== undefined) ctx.announceUser(updated.id, presenceOf(updated))
  return publicUser(updated)
}

/**
 * A new password, proven with the current one. Every other session ends: a changed password
 * must lock out whoever knew the old one. `sessionToken`'s stays: it just proved the old
 * password, and the person's other tabs share it. Audited.
 */
export const changePassword = async (
  ctx: AccountsContext,
  actor: StoredUser,
  sessionToken: string,
  request: ChangePasswordRequest,
): Promise<void> => {
  if (!actor.passwordHash || !(await verifyPassword(request.currentPassword, actor.passwordHash))) {
    throw new DomainError('forbidden', ErrorCode.badCredentials, 'The current password is wrong')
  }
  assertStrongPassword(request.newPassword, actor)
  await setPassword(ctx, actor.id, {
    passwordHash: await hashPassword(request.newPassword),
    keepToken: sessionToken,
  })
  await ctx.audit.record({ userId: actor.id, action: 'user.passwordChanged' })
}
