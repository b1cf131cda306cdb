import {
  canSeeMailOutbox,
  type Language,
  type MailSettingsResponse,
  type NotificationType,
} from '@accord/protocol'
import type { Actor } from '../documents/DocumentsContext.js'
import { forbidden, notFound } from '../errors/DomainError.js'
import type { NotificationsContext } from './NotificationsContext.js'

/** A person's mail preferences, and whether this server sends mail at all. */
export const mailSettings = async (
  ctx: NotificationsContext,
  actor: Actor,
): Promise<MailSettingsResponse> => ({
  notifications: await ctx.settings.get(actor.id),
  mail: !!ctx.mailer,
})

/** For the secretariat: whether mail is on and how the outbox stands (pending, sent, failed). */
export const mailOutbox = async (ctx: NotificationsContext, actor: Actor) => {
  if (!canSeeMailOutbox(actor.role)) throw forbidden('Only the secretariat sees the outbox')
  if (!ctx.mailer) return { enabled: false as const }
  return { enabled: true as const, ...(await ctx.mailer.outbox.counts()) }
}

/** Whom a one-click unsubscribe token is for, and from which kind of mail. */
export const unsubscribeTarget = async (
  ctx: NotificationsContext,
  token: string,
): Promise<{ userId: string; kind: string; language: Language }> => {
  const found = ctx.unsubscribeTokens.verify(token)
  const user = found && (await ctx.users.byId(found.userId))
  if (!found || !user) throw notFound('This unsubscribe link is not valid')
  return { userId: user.id, kind: found.kind, language: user.language ?? 'ru' }
}

/** One-click unsubscribe (RFC 8058): the signed token is the authority; audited. */
export const unsubscribe = async (
  ctx: NotificationsContext,
  token: string,
): Promise<{ language: Language }> => {
  const { userId, kind, language } = await unsubscribeTarget(ctx, token)
  await ctx.settings.update(
    userId,
    kind === 'all' ? { email: 'off' } : { kinds: { [kind as NotificationType]: 'off' } },
  )
  await ctx.audit.record({ userId, action: 'user.unsubscribed', details: { kind } })
  return { language }
}
