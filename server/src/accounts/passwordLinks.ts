import { type AuditAction, ErrorCode, type User } from '@accord/protocol'
import { hashPassword } from '../auth/password.js'
import { assertStrongPassword } from '../auth/passwordPolicy.js'
import { DomainError } from '../errors/DomainError.js'
import type { OneTimeLinkStore } from '../store/OneTimeLinkStore.js'
import { publicUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { setPassword } from './setPassword.js'

const invalidLink = () =>
  new DomainError(
    'notFound',
    ErrorCode.tokenInvalid,
    'This link is not valid any more; ask for a new one',
  )

/** The active person a link is for; an unknown, used, expired or withdrawn link is refused alike. */
const linkHolder = async (ctx: AccountsContext, links: OneTimeLinkStore, token: string) => {
  const userId = await links.userIdFor(token)
  const user = userId ? await ctx.users.byId(userId) : undefined
  if (!user?.active) throw invalidLink()
  return user
}

/** Whom a link is for, so the page can greet them. */
export const readPasswordLink = async (
  ctx: AccountsContext,
  links: OneTimeLinkStore,
  token: string,
): Promise<{ email: string; name: string }> => {
  const user = await linkHolder(ctx, links, token)
  return { email: user.email, name: user.name }
}

/**
 * Sets a password with a one-time link (an invitation may also set the name) and signs the
 * person in; audited as `action`. The link is used up only once the password is accepted, so
 * a refused password can be replaced with a better one; every other session and link of the
 * account ends (setPassword): whoever had one may be why the password changes.
 */
export const setPasswordWithLink = async (
  ctx: AccountsContext,
  links: OneTimeLinkStore,
  token: string,
  { password, name }: { password: string; name?: string },
  action: AuditAction,
): Promise<{ user: User; sessionToken: string }> => {
  const user = await linkHolder(ctx, links, token)
  assertStrongPassword(password, { email: user.email, name: name ?? user.name })
  if (!(await links.consume(token))) throw invalidLink()
  const updated = await setPassword(ctx, user.id, {
    passwordHash: await hashPassword(password),
    name,
  })
  await ctx.audit.record({ userId: user.id, action })
  const sessionToken = await ctx.sessions.create(user.id)
  return { user: publicUser(updated ?? user), sessionToken }
}
