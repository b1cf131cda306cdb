import { ErrorCode, Role, type User } from '@accord/protocol'
import type { SetupRequest } from '@accord/protocol/requests'
import { hashPassword } from '../auth/password.js'
import { assertStrongPassword } from '../auth/passwordPolicy.js'
import { conflict, DomainError } from '../errors/DomainError.js'
import { publicUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'

/** True while the console's one-time setup link can still create the first account. */
export const setupNeeded = async (ctx: AccountsContext): Promise<boolean> =>
  ctx.setup.pending && (await ctx.users.count()) === 0

/** Creates the first secretariat account with the one-time setup token and signs it in; audited. */
export const completeSetup = async (
  ctx: AccountsContext,
  request: SetupRequest,
): Promise<{ user: User; sessionToken: string }> => {
  if ((await ctx.users.count()) > 0) throw conflict('Accord is already set up', ErrorCode.setupDone)
  // Before the one-time link is used up, so a refused password can be replaced.
  assertStrongPassword(request.password, request)
  if (!ctx.setup.consume(request.token)) {
    throw new DomainError(
      'notFound',
      ErrorCode.tokenInvalid,
      'This setup link is not valid; see the server console',
    )
  }
  const user = await ctx.users.create({
    email: request.email,
    name: request.name,
    role: Role.secretariat,
    passwordHash: await hashPassword(request.password),
  })
  if (!user) throw conflict('This email already has an account', ErrorCode.emailTaken)
  await ctx.audit.record({ userId: user.id, action: 'setup.completed' })
  const sessionToken = await ctx.sessions.create(user.id)
  return { user: publicUser(user), sessionToken }
}
