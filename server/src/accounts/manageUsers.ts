import { canAdminister, ErrorCode, Role, type User } from '@accord/protocol'
import type { CreateUserRequest, UpdateUserRequest } from '@accord/protocol/requests'
import { hashPassword } from '../auth/password.js'
import { assertStrongPassword } from '../auth/passwordPolicy.js'
import { conflict, forbidden, notFound } from '../errors/DomainError.js'
import { publicUser, type StoredUser } from '../store/UserStore.js'
import type { AccountsContext } from './AccountsContext.js'
import { endSessions } from './endSessions.js'
import { presenceOf } from './presenceOf.js'

/** Accounts are the secretariat's to manage. */
const mayAdminister = (actor: StoredUser): void => {
  if (!canAdminister(actor.role)) throw forbidden()
}

export const listUsers = async (ctx: AccountsContext, actor: StoredUser): Promise<User[]> => {
  mayAdminister(actor)
  return (await ctx.users.list()).map(publicUser)
}

/** A new account, with a password or (without one) a one-time invitation link; audited. */
export const createUser = async (
  ctx: AccountsContext,
  actor: StoredUser,
  request: CreateUserRequest,
): Promise<{ user: User; invitationUrl?: string }> => {
  mayAdminister(actor)
  if (request.password) assertStrongPassword(request.password, request)
  const user = await ctx.users.create({
    email: request.email,
    name: request.name,
    role: request.role,
    passwordHash: request.password ? await hashPassword(request.password) : null,
  })
  if (!user) throw conflict('This email already has an account', ErrorCode.emailTaken)
  await ctx.audit.record({
    userId: actor.id,
    action: 'user.created',
    details: { userId: user.id, role: user.role },
  })
  if (request.password) return { user: publicUser(user) }
  return {
    user: publicUser(user),
    invitationUrl: ctx.invitationUrl(await ctx.invitations.create(user.id)),
  }
}

/**
 * Changes an account's role, name or whether it is active; audited. Open sockets follow at
 * once: a deactivated person is disconnected (every session and link ends), a demoted one
 * loses write access.
 */
export const updateUser = async (
  ctx: AccountsContext,
  actor: StoredUser,
  userId: string,
  patch: UpdateUserRequest,
): Promise<User> => {
  mayAdminister(actor)
  if (!(await ctx.users.byId(userId))) throw notFound('Unknown account')
  if (
    userId === actor.id &&
    (patch.active === false || (patch.role && patch.role !== Role.secretariat))
  ) {
    // The last way back in must not be locked by a slip of the mouse.
    throw conflict('You cannot deactivate or demote your own account')
  }
  const updated = await ctx.users.update(userId, patch)
  if (!updated) throw notFound('Unknown account')
  if (!updated.active) {
    await ctx.invitations.deleteForUser(userId)
    await endSessions(ctx, { userId })
  }
  ctx.announceUser(userId, updated.active ? presenceOf(updated) : null)
  await ctx.audit.record({
    userId: actor.id,
    action: 'user.updated',
    details: { userId, ...patch },
  })
  return publicUser(updated)
}

/** A new invitation (or password reset) link for an account; audited. */
export const inviteUser = async (
  ctx: AccountsContext,
  actor: StoredUser,
  userId: string,
): Promise<string> => {
  mayAdminister(actor)
  if (!(await ctx.users.byId(userId))) throw notFound('Unknown account')
  const token = await ctx.invitations.create(userId)
  await ctx.audit.record({ userId: actor.id, action: 'user.invited', details: { userId } })
  return ctx.invitationUrl(token)
}
