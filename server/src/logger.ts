import { pino } from 'pino'

export type Logger = pino.Logger

/** One logger for the process. Passwords, cookies and document text never reach the log. */
export const createLogger = (level: string): Logger =>
  pino({
    level,
    redact: {
      paths: [
        'password',
        '*.password',
        '*.newPassword',
        '*.currentPassword',
        'req.headers.cookie',
        'res.headers["set-cookie"]',
        '*.token',
        'update',
        '*.content',
      ],
      censor: '[redacted]',
    },
  })
