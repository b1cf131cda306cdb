import type { Config } from '../config.js'
import type { Logger } from '../logger.js'
import type { Database } from '../store/Database.js'
import type { Clock } from './Clock.js'
import { Mailer } from './Mailer.js'
import { MailOutbox } from './MailOutbox.js'
import { MailSender } from './MailSender.js'
import { SmtpTransport } from './SmtpTransport.js'

/** The domain of Message-IDs: MAIL_FROM's, else the public origin's host. */
const messageIdDomain = (from: string, publicOrigin: string): string =>
  /@([A-Za-z0-9.-]+)/.exec(from)?.[1] ?? new URL(publicOrigin).hostname

/** Mail, when SMTP_URL and MAIL_FROM are set: the outbox, its sender (started) and the mailer. */
export const startMail = (
  config: Config,
  db: Database,
  logger: Logger,
  clock: Clock,
): { mailer: Mailer; stop(): Promise<void> } | undefined => {
  const { mail } = config
  if (!mail) return undefined
  const outbox = new MailOutbox(db, messageIdDomain(mail.from, config.publicOrigin))
  const sender = new MailSender(
    outbox,
    new SmtpTransport(mail.smtpUrl, mail.from, mail.timeoutMs),
    mail,
    logger,
    clock,
  )
  sender.start()
  return { mailer: new Mailer(outbox, sender, db, clock), stop: () => sender.stop() }
}
