import type { Logger } from '../logger.js'
import type { Clock } from '../mail/Clock.js'
import type { Mailer } from '../mail/Mailer.js'
import type { UnsubscribeTokens } from '../mail/UnsubscribeTokens.js'
import type { Database } from '../store/Database.js'
import type { UserStore } from '../store/UserStore.js'
import type { NotificationSettingsStore } from './NotificationSettingsStore.js'
import type { NotificationStore } from './NotificationStore.js'
import { digestMail } from './notificationMail.js'
import { PeriodicTask } from './PeriodicTask.js'

const HOUR_MS = 60 * 60 * 1000

/** The calendar day and hour at `at` in a time zone. */
const localTime = (at: number, timeZone: string): { day: string; hour: number } => {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(at)
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? ''
  return { day: `${part('year')}-${part('month')}-${part('day')}`, hour: Number(part('hour')) }
}

/**
 * Whether a daily digest is due: it is at or past the chosen hour in the person's time zone,
 * and none went out yet on that local day. A server that was down at the hour sends it later
 * that day.
 */
export const digestDue = (
  now: number,
  lastDigestAt: number,
  settings: { digestHour: number; timeZone: string },
): boolean => {
  const here = localTime(now, settings.timeZone)
  if (here.hour < settings.digestHour) return false
  return lastDigestAt === 0 || localTime(lastDigestAt, settings.timeZone).day !== here.day
}

/**
 * On a timer (and the server's clock, which tests replace): sends each person's daily digest
 * at their hour, and the batch mail of items beyond the hourly allowance once the person's
 * mails of the last hour are fewer than the allowance again. Taking the waiting items and writing the mail happen in one transaction,
 * so of several instances only one mails them.
 */
export class DigestScheduler {
  private readonly task: PeriodicTask

  constructor(
    private readonly deps: {
      db: Database
      users: UserStore
      notifications: NotificationStore
      settings: NotificationSettingsStore
      mailer: Mailer
      tokens: UnsubscribeTokens
      origin: string
      clock: Clock
      logger: Logger
      /** MAIL_IMMEDIATE_PER_HOUR: a batch mail waits until fewer were mailed in the last hour. */
      immediatePerHour: number
    },
    private readonly everyMs: number,
  ) {
    this.task = new PeriodicTask(
      () => this.run(),
      (err) => this.deps.logger.warn({ err }, 'could not send digests'),
    )
  }

  start(): void {
    this.task.start(this.everyMs)
  }

  stop(): Promise<void> {
    return this.task.stop()
  }

  private async run(): Promise<void> {
    const now = this.deps.clock.now()
    for (const userId of await this.deps.notifications.waitingUsers('daily')) {
      const settings = await this.deps.settings.get(userId)
      if (digestDue(now, await this.deps.settings.lastDigestAt(userId), settings)) {
        await this.send(userId, 'daily', now)
      }
    }
    const hourAgo = new Date(now - HOUR_MS).toISOString()
    for (const userId of await this.deps.notifications.waitingUsers('batch')) {
      const recent = await this.deps.notifications.queuedSince(this.deps.db, userId, hourAgo)
      if (recent < this.deps.immediatePerHour) await this.send(userId, 'batch', now)
    }
  }

  private async send(userId: string, state: 'daily' | 'batch', now: number): Promise<void> {
    const user = await this.deps.users.byId(userId)
    const sent = await this.deps.db.transaction(async (tx) => {
      const items = await this.deps.notifications.takeWaiting(tx, userId, state)
      if (items.length === 0 || !user?.active) return false
      if (state === 'daily') await this.deps.settings.markDigestSent(tx, userId, now)
      await this.deps.mailer.enqueue(
        tx,
        digestMail(this.deps.origin, this.deps.tokens, user, items),
      )
      return true
    })
    if (sent) this.deps.mailer.kick()
  }
}
