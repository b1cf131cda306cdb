import type { MailConfig } from '../config.js'
import type { Logger } from '../logger.js'
import type { Clock } from './Clock.js'
import type { ClaimedMail, MailOutbox } from './MailOutbox.js'
import { MailSendError, type MailTransport } from './SmtpTransport.js'

/** Mails claimed at once. */
const BATCH = 20

/**
 * Drains the outbox: claims due mails, sends them one after the other, marks each sent,
 * retried later (twice the wait each time, up to MAIL_RETRY_MAX_MS) or failed. Runs on a
 * timer and when told there is new mail; never two drains at once on one instance.
 */
export class MailSender {
  private timer: NodeJS.Timeout | undefined
  private draining: Promise<void> | undefined
  private again = false
  private stopped = false

  constructor(
    private readonly outbox: MailOutbox,
    private readonly transport: MailTransport,
    private readonly config: MailConfig,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  start(): void {
    this.timer = setInterval(() => this.kick(), this.config.pollMs)
    this.timer.unref()
    this.kick()
  }

  /** New mail was written: send it now rather than at the next tick. */
  kick(): void {
    if (this.stopped) return
    if (this.draining) {
      this.again = true
      return
    }
    this.draining = this.drain()
      .catch((err: unknown) => this.logger.warn({ err }, 'could not read the mail outbox'))
      .finally(() => {
        this.draining = undefined
        if (this.again) {
          this.again = false
          this.kick()
        }
      })
  }

  /** Stops after the mail being sent now; what is left stays in the outbox for later. */
  async stop(): Promise<void> {
    this.stopped = true
    clearInterval(this.timer)
    await this.draining
    this.transport.close()
  }

  private async drain(): Promise<void> {
    // A lease long enough for every step of one batch to time out once.
    const leaseMs = this.config.timeoutMs * 4 * BATCH
    for (;;) {
      const mails = await this.outbox.claim(BATCH, leaseMs, this.clock.now())
      if (mails.length === 0) return
      for (const [i, mail] of mails.entries()) {
        if (this.stopped) {
          // Handed back at once, so the next start (or another instance) need not wait for the lease.
          await this.outbox.retryAt(mail.id, this.clock.now(), 'stopped before sending')
          continue
        }
        const outcome = await this.sendOne(mail)
        if (outcome !== undefined) {
          // SMTP is away: the rest of the batch waits as long, untried, instead of each timing out.
          for (const rest of mails.slice(i + 1))
            await this.outbox.retryAt(rest.id, outcome.at, outcome.error)
          return
        }
      }
      if (this.stopped) return
    }
  }

  /** Sends one mail; returns when to try again if SMTP could not be reached or answered for now. */
  private async sendOne(mail: ClaimedMail): Promise<{ at: number; error: string } | undefined> {
    try {
      await this.transport.send(mail)
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err)
      if (
        (err instanceof MailSendError && err.permanent) ||
        mail.attempts >= this.config.maxAttempts
      ) {
        this.logger.warn({ mailId: mail.id, error }, 'mail given up')
        await this.outbox.markFailed(mail.id, error)
        return undefined
      }
      const wait = Math.min(this.config.retryMaxMs, this.config.retryMs * 2 ** (mail.attempts - 1))
      this.logger.info({ mailId: mail.id, error, retryInMs: wait }, 'mail not sent yet')
      const at = this.clock.now() + wait
      await this.outbox.retryAt(mail.id, at, error)
      return { at, error }
    }
    await this.outbox.markSent(mail.id)
    return undefined
  }
}
