import type { Database } from '../store/Database.js'
import type { Clock } from './Clock.js'
import type { MailOutbox, OutgoingMail, Sql } from './MailOutbox.js'
import type { MailSender } from './MailSender.js'

/**
 * What the rest of the server sees of mail: write a mail into the outbox (inside the caller's
 * transaction), then tell the sender once it is committed.
 */
export class Mailer {
  constructor(
    readonly outbox: MailOutbox,
    private readonly sender: MailSender,
    private readonly db: Database,
    private readonly clock: Clock,
  ) {}

  enqueue(sql: Sql, mail: OutgoingMail): Promise<string> {
    return this.outbox.enqueue(sql, mail, this.clock.now())
  }

  /** Writes one mail on its own and sends it soon. */
  async send(mail: OutgoingMail): Promise<void> {
    await this.outbox.enqueue(this.db, mail, this.clock.now())
    this.sender.kick()
  }

  /** Call after committing a transaction that wrote mail. */
  kick(): void {
    this.sender.kick()
  }
}
