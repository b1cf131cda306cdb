import type { AddressInfo } from 'node:net'
import { type ParsedMail, simpleParser } from 'mailparser'
import { SMTPServer } from 'smtp-server'

export interface TestSmtp {
  /** smtp://127.0.0.1:PORT, the same across stop() and start(). */
  url: string
  /** Every mail received so far, parsed. */
  mails: ParsedMail[]
  /** Mails to one address. */
  to(address: string): ParsedMail[]
  /** Recipients refused with 550 (a mailbox that does not exist). */
  reject(address: string): void
  /** Stops listening: an SMTP outage. */
  stop(): Promise<void>
  /** Listens again on the same port. */
  start(): Promise<void>
}

/** A real SMTP server (smtp-server) that keeps what it receives, read with mailparser. */
export const startSmtp = async (
  options: { listening?: boolean; port?: number } = {},
): Promise<TestSmtp> => {
  const mails: ParsedMail[] = []
  const rejected = new Set<string>()
  let port = options.port ?? 0
  let server: SMTPServer | undefined
  const listen = async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onRcptTo(address, _session, callback) {
        if (rejected.has(address.address.toLowerCase())) {
          const err = Object.assign(new Error('No such mailbox here'), { responseCode: 550 })
          callback(err)
          return
        }
        callback()
      },
      onData(stream, _session, callback) {
        simpleParser(stream).then(
          (mail) => {
            mails.push(mail)
            callback()
          },
          (err: Error) => callback(err),
        )
      },
    })
    const s = server
    await new Promise<void>((resolve, reject) => {
      s.server.once('error', reject)
      s.listen(port, '127.0.0.1', () => resolve())
    })
    port = (s.server.address() as AddressInfo).port
  }
  await listen()
  const smtp: TestSmtp = {
    get url() {
      return `smtp://127.0.0.1:${port}`
    },
    mails,
    to: (address) =>
      mails.filter((m) => {
        const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : []
        return to.some((a) =>
          a.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()),
        )
      }),
    reject: (address) => rejected.add(address.toLowerCase()),
    stop: async () => {
      const s = server
      server = undefined
      if (s) await new Promise<void>((resolve) => s.close(() => resolve()))
    },
    start: listen,
  }
  if (options.listening === false) await smtp.stop()
  return smtp
}
