import { ErrorCode, type User } from '@accord/protocol'
import type { CompleteResetRequest, RequestResetRequest } from '@accord/protocol/requests'
import { DomainError } from '../errors/DomainError.js'
import { composeMail } from '../mail/composeMail.js'
import type { AccountsContext } from './AccountsContext.js'
import { readPasswordLink, setPasswordWithLink } from './passwordLinks.js'

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
export const readPasswordReset = (
  ctx: AccountsContext,
  token: string,
): Promise<{ email: string; name: string }> => readPasswordLink(ctx, ctx.passwordResets, token)

/** A new password with a reset link; a new session starts. */
export const completePasswordReset = (
  ctx: AccountsContext,
  token: string,
  { password }: CompleteResetRequest,
): Promise<{ user: User; sessionToken: string }> =>
  setPasswordWithLink(ctx, ctx.passwordResets, token, { password }, 'user.passwordReset')
