import type { Notification, NotificationSettings, NotificationType } from '@accord/protocol'
import type { Logger } from '../logger.js'
import type { Clock } from '../mail/Clock.js'
import type { Mailer } from '../mail/Mailer.js'
import type { UnsubscribeTokens } from '../mail/UnsubscribeTokens.js'
import type { ActivityRecord } from '../store/AuditLog.js'
import type { CommentStore } from '../store/CommentStore.js'
import type { Database } from '../store/Database.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { StoredUser, UserStore } from '../store/UserStore.js'
import type { InboxEvents } from './InboxEvents.js'
import { emailModeFor, type NotificationSettingsStore } from './NotificationSettingsStore.js'
import type { MailState, NotificationStore } from './NotificationStore.js'
import { immediateMail } from './notificationMail.js'
import type { WatchStore } from './WatchStore.js'

/** One person to tell about one event. */
interface Delivery {
  userId: string
  type: NotificationType
  threadId?: string
  target?: Notification['target']
  /** Told even if they stopped watching the document (they were addressed by name). */
  direct?: boolean
}

export interface NotifierDeps {
  db: Database
  users: UserStore
  catalog: DocumentCatalog
  comments: CommentStore
  watches: WatchStore
  notifications: NotificationStore
  settings: NotificationSettingsStore
  inbox: InboxEvents
  logger: Logger
  clock: Clock
  /** Absent when the server sends no mail. */
  mail?: { mailer: Mailer; tokens: UnsubscribeTokens; origin: string; immediatePerHour: number }
  /** A review round's participants (undefined: everyone). */
  roundParticipants(roundId: string): Promise<string[] | undefined>
}

/** A time for a mail or an inbox line, the same in every language: 2026-03-04 09:00 UTC. */
const readableTime = (iso: string): string => {
  const at = new Date(iso)
  return Number.isNaN(at.getTime()) ? '' : `${at.toISOString().slice(0, 16).replace('T', ' ')} UTC`
}

const HOUR_MS = 60 * 60 * 1000

const strings = (value: unknown): string[] =>
  Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []

/**
 * Who gets told what, decided from the activity records every action writes (so no route
 * needs to know about notifications): the mentioned, those in a thread that got a reply, the
 * author of a decided suggestion, and the document's watchers for versions and status. Each
 * person's notification and its mail (per their settings) are written in one transaction;
 * then their open inboxes get the new unread count.
 */
export class Notifier {
  /** One record after the other, so a person's items keep their order. */
  private queue: Promise<void> = Promise.resolve()

  constructor(private readonly deps: NotifierDeps) {}

  /** Takes one activity record; never throws (a failure is logged). */
  onActivity(entry: ActivityRecord): void {
    this.queue = this.queue
      .then(() => this.handle(entry))
      .catch((err: unknown) =>
        this.deps.logger.warn({ err, action: entry.action }, 'could not notify about an activity'),
      )
  }

  /** Resolves once every record taken so far is handled (tests, shutdown). */
  settled(): Promise<void> {
    return this.queue
  }

  private async handle(entry: ActivityRecord): Promise<void> {
    const { documentId, userId: actorId } = entry
    if (!documentId) return
    const details = entry.details ?? {}
    if (entry.action.startsWith('review.')) {
      await this.reviewRound(entry.action, actorId, documentId, details)
      return
    }
    if (!actorId) return
    const threadId = typeof details.threadId === 'string' ? details.threadId : undefined
    switch (entry.action) {
      case 'document.created':
      case 'document.edited':
        await this.deps.watches.watchOnTakingPart(actorId, documentId)
        return
      case 'comment.created':
      case 'comment.replied': {
        await this.deps.watches.watchOnTakingPart(actorId, documentId)
        if (!threadId) return
        const thread = await this.deps.comments.get(documentId, threadId)
        const clauseId = thread?.clauseId ?? undefined
        const target = clauseId ? { clauseId } : null
        const mentioned = strings(details.mentions)
        const deliveries: Delivery[] = mentioned.map((userId) => ({
          userId,
          type: 'mention',
          threadId,
          target,
          direct: true,
        }))
        if (entry.action === 'comment.replied' && thread) {
          const taking = new Set([thread.createdBy, ...thread.messages.map((m) => m.author.id)])
          for (const userId of taking) deliveries.push({ userId, type: 'reply', threadId, target })
        }
        await this.deliver(actorId, documentId, deliveries)
        return
      }
      case 'suggestion.accepted':
      case 'suggestion.rejected':
      case 'suggestion.rollout': {
        const decided = (list: unknown, type: NotificationType): Delivery[] =>
          (Array.isArray(list) ? list : []).flatMap((s: { id?: unknown; authorId?: unknown }) =>
            typeof s.authorId === 'string'
              ? [{ userId: s.authorId, type, target: { suggestionId: String(s.id) } }]
              : [],
          )
        const deliveries =
          entry.action === 'suggestion.rollout'
            ? [
                ...decided(details.accepted, 'suggestionAccepted'),
                ...decided(details.rejected, 'suggestionRejected'),
              ]
            : decided(
                details.suggestions,
                entry.action === 'suggestion.accepted'
                  ? 'suggestionAccepted'
                  : 'suggestionRejected',
              )
        await this.deliver(actorId, documentId, deliveries)
        return
      }
      case 'version.created':
        await this.toWatchers(actorId, documentId, 'versionNamed', {
          versionId: String(details.versionId ?? ''),
          detail: String(details.name ?? ''),
        })
        return
      case 'document.statusChanged':
        // A round tells its participants itself (review.opened).
        if (details.roundId) return
        if (details.to === 'review') await this.toWatchers(actorId, documentId, 'documentInReview')
        if (details.to === 'final') await this.toWatchers(actorId, documentId, 'documentFinalized')
        return
      default:
        return
    }
  }

  private async reviewRound(
    action: string,
    actorId: string | null,
    documentId: string,
    details: Record<string, unknown>,
  ): Promise<void> {
    const type: NotificationType | undefined =
      action === 'review.opened'
        ? 'roundOpened'
        : action === 'review.reminder'
          ? 'roundReminder'
          : action === 'review.closed'
            ? 'roundClosed'
            : undefined
    const roundId = typeof details.roundId === 'string' ? details.roundId : undefined
    if (!type || !roundId) return
    const people =
      (await this.deps.roundParticipants(roundId)) ??
      (await this.deps.users.list()).filter((u) => u.active).map((u) => u.id)
    const watchers = type === 'roundClosed' ? await this.deps.watches.watchers(documentId) : []
    const deadline = typeof details.deadline === 'string' ? readableTime(details.deadline) : ''
    await this.deliver(
      actorId,
      documentId,
      [...people, ...watchers].map((userId) => ({
        userId,
        type,
        target: { detail: deadline },
        direct: true,
      })),
    )
  }

  private async toWatchers(
    actorId: string,
    documentId: string,
    type: NotificationType,
    target?: Notification['target'],
  ): Promise<void> {
    const watchers = await this.deps.watches.watchers(documentId)
    await this.deliver(
      actorId,
      documentId,
      watchers.map((userId) => ({ userId, type, target })),
    )
  }

  /** Writes each person's notification (one per person and event: the first kind wins). */
  private async deliver(
    actorId: string | null,
    documentId: string,
    deliveries: Delivery[],
  ): Promise<void> {
    const unwatched = await this.deps.watches.unwatched(documentId)
    const chosen = new Map<string, Delivery>()
    for (const d of deliveries) {
      if (d.userId === actorId || chosen.has(d.userId)) continue
      if (!d.direct && unwatched.has(d.userId)) continue
      chosen.set(d.userId, d)
    }
    if (chosen.size === 0) return
    const [document, actor] = await Promise.all([
      this.deps.catalog.get(documentId),
      actorId ? this.deps.users.byId(actorId) : undefined,
    ])
    if (!document) return
    const recipients: { d: Delivery; user: StoredUser; settings: NotificationSettings }[] = []
    for (const d of chosen.values()) {
      const user = await this.deps.users.byId(d.userId)
      if (!user?.active) continue
      recipients.push({ d, user, settings: await this.deps.settings.get(user.id) })
    }
    const { mail } = this.deps
    let mailed = false
    const now = this.deps.clock.now()
    const createdAt = new Date(now).toISOString()
    await this.deps.db.transaction(async (tx) => {
      for (const { d, user, settings } of recipients) {
        const mode = mail ? emailModeFor(settings, d.type) : 'off'
        let state: MailState = mode === 'off' ? 'none' : mode === 'daily' ? 'daily' : 'queued'
        if (state === 'queued') {
          const since = new Date(now - HOUR_MS).toISOString()
          const recent = await this.deps.notifications.queuedSince(tx, user.id, since)
          // Beyond the hourly allowance, items wait for one batch mail: no mail storm.
          if (recent >= (mail?.immediatePerHour ?? 0)) state = 'batch'
        }
        const notification = {
          userId: user.id,
          type: d.type,
          documentId,
          threadId: d.threadId ?? null,
          target: d.target ?? null,
          actorId,
        }
        const id = await this.deps.notifications.insert(tx, notification, state, createdAt)
        if (state === 'queued' && mail) {
          await mail.mailer.enqueue(
            tx,
            immediateMail(mail.origin, mail.tokens, user, {
              ...notification,
              id,
              documentTitle: document.title,
              actor: actor ? { id: actor.id, name: actor.name } : null,
              createdAt,
              readAt: null,
            }),
          )
          mailed = true
        }
      }
    })
    if (mailed) mail?.mailer.kick()
    for (const { user } of recipients) {
      this.deps.inbox.publish(user.id, await this.deps.notifications.unread(user.id))
    }
  }
}
