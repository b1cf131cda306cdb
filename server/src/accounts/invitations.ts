import { ErrorCode, type User } from '@accord/protocol'
import type { AcceptInvitationRequest } from '@accord/protocol/requests'
import { hashPassword } from '../auth/password.js'
import { assertStrongPassword } from '../auth/passwordPolicy.js'
import { DomainError } from '../errors/DomainError.js'
import { publicUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { setPassword } from './setPassword.js'

const invalidLink = () =>
  new DomainError(
    'notFound',
    ErrorCode.tokenInvalid,
    'This link is not valid any more; ask for a new one',
  )

const invitedUser = async (ctx: AccountsContext, token: string) => {
  const userId = await ctx.invitations.userIdFor(token)
  const user = userId ? await ctx.users.byId(userId) : undefined
  if (!user?.active) throw invalidLink()
  return user
}

/** Whom an invitation or reset link is for, so the page can greet them. */
export const readInvitation = async (
  ctx: AccountsContext,
  token: string,
): Promise<{ email: string; name: string }> => {
  const user = await invitedUser(ctx, token)
  return { email: user.email, name: user.name }
}

/**
 * Sets the password of an invited (or reset) account and signs it in; audited. The link is
 * used up only once the password is accepted; every other session of the account ends
 * (whoever had one may be why it was reset).
 */
export const acceptInvitation = async (
  ctx: AccountsContext,
  token: string,
  request: AcceptInvitationRequest,
): Promise<{ user: User; sessionToken: string }> => {
  const user = await invitedUser(ctx, token)
  assertStrongPassword(request.password, { email: user.email, name: request.name ?? user.name })
  if (!(await ctx.invitations.consume(token))) throw invalidLink()
  const updated = await setPassword(ctx, user.id, {
    passwordHash: await hashPassword(request.password),
    name: request.name,
  })
  await ctx.audit.record({ userId: user.id, action: 'user.invitationAccepted' })
  const sessionToken = await ctx.sessions.create(user.id)
  return { user: publicUser(updated ?? user), sessionToken }
}
