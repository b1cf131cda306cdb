import type { Transporter } from 'nodemailer'
import type { ClaimedMail } from './MailOutbox.js'

/** What a send attempt came to, when it did not succeed. */
export class MailSendError extends Error {
  constructor(
    message: string,
    /** True when trying again cannot help (the server refused the recipient or the message). */
    readonly permanent: boolean,
  ) {
    super(message)
  }
}

/** Sends one mail; throws MailSendError. */
export interface MailTransport {
  send(mail: ClaimedMail): Promise<void>
  close(): void
}

/**
 * SMTP through nodemailer, one pooled connection, with timeouts on every step. nodemailer is
 * loaded at the first mail, not with the server: most processes never send one.
 */
export class SmtpTransport implements MailTransport {
  private transporter: Promise<Transporter> | undefined

  constructor(
    private readonly smtpUrl: string,
    private readonly from: string,
    private readonly timeoutMs: number,
  ) {}

  private async connect(): Promise<Transporter> {
    const { default: nodemailer } = await import('nodemailer')
    const url = new URL(this.smtpUrl)
    const timeoutMs = this.timeoutMs
    return nodemailer.createTransport({
      pool: true,
      maxConnections: 1,
      host: url.hostname,
      port: Number(url.port) || (url.protocol === 'smtps:' ? 465 : 587),
      secure: url.protocol === 'smtps:',
      auth: url.username
        ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) }
        : undefined,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    })
  }

  async send(mail: ClaimedMail): Promise<void> {
    this.transporter ??= this.connect()
    const transporter = await this.transporter
    try {
      await transporter.sendMail({
        from: this.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        // The same on every try, so a receiver can tell a repeat (after a lost "250 OK") from a new mail.
        messageId: mail.messageId,
      })
    } catch (err) {
      const e = err as { message?: string; responseCode?: number }
      // 5xx is the server's final word on this message; 4xx, timeouts and dropped connections pass.
      throw new MailSendError(
        e.message ?? String(err),
        typeof e.responseCode === 'number' && e.responseCode >= 500,
      )
    }
  }

  close(): void {
    void this.transporter?.then((transporter) => transporter.close())
  }
}
