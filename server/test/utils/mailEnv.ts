import type { TestSmtp } from './smtpServer.js'

/** Mail settings for a test server: quick polls and retries, short SMTP timeouts. */
export const mailEnv = (
  smtp: TestSmtp,
  extra: Record<string, string> = {},
): Record<string, string> => ({
  SMTP_URL: smtp.url,
  MAIL_FROM: 'Accord <drafts@accord.test>',
  MAIL_POLL_MS: '50',
  MAIL_RETRY_MS: '100',
  MAIL_RETRY_MAX_MS: '400',
  SMTP_TIMEOUT_MS: '2000',
  ...extra,
})

export interface OutboxCounts {
  enabled: boolean
  pending: number
  retrying: number
  sent: number
  failed: number
}
