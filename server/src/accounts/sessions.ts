import { ErrorCode, type User } from '@accord/protocol'
import type { LoginRequest } from '@accord/protocol/requests'
import { burnPasswordCheck, verifyPassword } from '../auth/password.js'
import { DomainError } from '../errors/DomainError.js'
import { publicUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { endSessions } from './endSessions.js'

/**
 * Signs in with email and password: a new session's token, audited. One answer for an
 * unknown account, a deactivated one and a wrong password, taking the same time.
 */
export const signIn = async (
  ctx: AccountsContext,
  { email, password }: LoginRequest,
): Promise<{ user: User; sessionToken: string }> => {
  const user = await ctx.users.byEmail(email)
  const ok =
    user?.passwordHash && user.active ? await verifyPassword(password, user.passwordHash) : false
  if (!user?.passwordHash || !user.active) await burnPasswordCheck(password)
  if (!user || !ok) {
    throw new DomainError('unauthenticated', ErrorCode.badCredentials, 'Wrong email or password')
  }
  const sessionToken = await ctx.sessions.create(user.id)
  await ctx.audit.record({ userId: user.id, action: 'session.signIn' })
  return { user: publicUser(user), sessionToken }
}

/** Ends this session only; its sockets and event streams close on every instance. */
export const signOut = (ctx: AccountsContext, sessionToken: string): Promise<void> =>
  endSessions(ctx, { token: sessionToken })
