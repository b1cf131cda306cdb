import { ErrorCode, type User } from '@accord/protocol'
import type { CompleteResetRequest, RequestResetRequest } from '@accord/protocol/requests'
import { hashPassword } from '../auth/password.js'
import { assertStrongPassword } from '../auth/passwordPolicy.js'
import { DomainError } from '../errors/DomainError.js'
import { composeMail } from '../mail/composeMail.js'
import { publicUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { setPassword } from './setPassword.js'

const invalidLink = () =>
  new DomainError(
    'notFound',
    ErrorCode.tokenInvalid,
    'This link is not valid any more; ask for a new one',
  )

const resetUser = async (ctx: AccountsContext, token: string) => {
  const userId = await ctx.passwordResets.userIdFor(token)
  const user = userId ? await ctx.users.byId(userId) : undefined
  if (!user?.active) throw invalidLink()
  return user
}

/**
 * "Forgot my password": a one-hour, one-time link by mail to an active account. The caller
 * answers the same whether or not the address has one, so it tells nobody who does.
 */
export const requestPasswordReset = async (
  ctx: AccountsContext,
  { email }: RequestResetRequest,
): Promise<void> => {
  const { mailer } = ctx
  if (!mailer) {
    throw new DomainError(
      'unavailable',
      ErrorCode.mailUnavailable,
      'This server sends no mail; ask the secretariat for an invitation link',
    )
  }
  const user = await ctx.users.byEmail(email)
  if (!user?.active) return
  const token = await ctx.passwordResets.create(user.id)
  await mailer.send(
    composeMail({
      to: user.email,
      language: user.language ?? 'ru',
      name: user.name,
      subject: (t) => t.resetSubject,
      lines: [
        {
          say: (t, v) => t.resetBody(v),
          vars: { email: user.email },
          url: ctx.resetUrl(token),
        },
        { say: (t) => t.resetIgnore, vars: {} },
      ],
    }),
  )
  await ctx.audit.record({ userId: user.id, action: 'user.passwordResetRequested' })
}

/** Whom a reset link is for, so the page can greet them. */
export const readPasswordReset = async (
  ctx: AccountsContext,
  token: string,
): Promise<{ email: string; name: string }> => {
  const user = await resetUser(ctx, token)
  return { email: user.email, name: user.name }
}

/**
 * A new password with a reset link: every session ends and every other link is withdrawn
 * (setPassword); a new session starts. Audited.
 */
export const completePasswordReset = async (
  ctx: AccountsContext,
  token: string,
  { password }: CompleteResetRequest,
): Promise<{ user: User; sessionToken: string }> => {
  const user = await resetUser(ctx, token)
  // Before the link is used up, so a refused password can be replaced with a better one.
  assertStrongPassword(password, user)
  if (!(await ctx.passwordResets.consume(token))) throw invalidLink()
  const updated = await setPassword(ctx, user.id, { passwordHash: await hashPassword(password) })
  await ctx.audit.record({ userId: user.id, action: 'user.passwordReset' })
  const sessionToken = await ctx.sessions.create(user.id)
  return { user: publicUser(updated ?? user), sessionToken }
}
