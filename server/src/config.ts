import { availableParallelism } from 'node:os'
import path from 'node:path'
import { z } from 'zod'

const int = (def: number) => z.coerce.number().int().nonnegative().default(def)

/** An unset and an empty variable mean the same: not given. */
const unlessEmpty = (schema: z.ZodString) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional())

const envSchema = z.object({
  PORT: int(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  /** The SQLite database and nothing else a user must back up (unused with DATABASE_URL). */
  DATA_DIR: z.string().min(1).default('./data'),
  /** postgres://… : PostgreSQL instead of SQLite, so several instances can share the data. */
  DATABASE_URL: unlessEmpty(z.string().regex(/^postgres(ql)?:\/\//, 'must be a postgres:// URL')),
  /** redis://… : fan-out between instances; needed as soon as there are two. */
  REDIS_URL: unlessEmpty(z.string().regex(/^rediss?:\/\//, 'must be a redis:// URL')),
  /** The origin browsers use; the WebSocket and state-changing requests accept this origin only. */
  PUBLIC_ORIGIN: z.url().optional(),
  ADMIN_EMAIL: z.string().optional(),
  ADMIN_PASSWORD: z.string().optional(),
  /** Where the built web client lives; default: the client workspace's dist. */
  CLIENT_DIST: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Largest WebSocket message accepted, in bytes (default 8 MiB). */
  MAX_MESSAGE_BYTES: int(8 * 1024 * 1024),
  /** Largest JSON body accepted by the HTTP API (default 256 KiB). */
  MAX_BODY_BYTES: int(256 * 1024),
  /** Largest file `POST /api/documents/import` accepts, in bytes (default 20 MiB). */
  MAX_IMPORT_BYTES: int(20 * 1024 * 1024),
  /** Worker threads reading imported files (default 1); more files wait their turn. */
  IMPORT_WORKERS: z.coerce.number().int().min(1).default(1),
  /** Imports one account may have running at once; more are refused (429). */
  IMPORTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(2),
  /** Longest reading one file may take in its worker (ms); then 503. */
  IMPORT_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  /** Heap limit of each import worker (MiB); a file needing more fails alone. */
  IMPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(32).default(512),
  /** Messages per second one socket may send, averaged over a short burst window. */
  MAX_MESSAGES_PER_SECOND: int(200),
  /** Updates are gathered and written every this many ms, every open document's in one transaction. */
  FLUSH_DELAY_MS: int(25),
  /** A document's log is compacted into one state once it holds this many rows. */
  COMPACT_AFTER_UPDATES: int(500),
  /** How long a document with no connections stays in memory (ms). */
  IDLE_UNLOAD_MS: int(30_000),
  /**
   * For `npm run bench` only: the name of one more root Y.Map that anyone who may edit may
   * write plain values to (the shared load harness counts deliveries through `bench-ts`).
   * Unset in production: the body and the settings are then the only shared types.
   */
  BENCH_MAP: unlessEmpty(
    z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'must be a short lowercase name'),
  ),
  /** While a document is edited, an automatic version at most this often (seconds; default 10 minutes). */
  AUTO_VERSION_SECONDS: int(600),
  /** How long a session lasts without use (days). */
  SESSION_DAYS: int(14),
  /** Event streams (GET /api/documents/:id/events) one account may hold open on one instance. */
  MAX_EVENT_STREAMS_PER_ACCOUNT: int(20),
  /** Event streams one instance holds open in all. */
  MAX_EVENT_STREAMS: int(2000),
  /** Worker threads rendering exports (default: one less than the CPUs, 1 to 4). */
  EXPORT_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .default(Math.min(4, Math.max(1, availableParallelism() - 1))),
  /** Exports that may wait for a worker, beyond those being rendered; more are refused (429). */
  EXPORT_QUEUE: int(8),
  /** Exports one account may have rendering or waiting at once; more are refused (429). */
  EXPORTS_PER_ACCOUNT: z.coerce.number().int().min(1).default(2),
  /** Exports one account may ask for per minute; more are refused (429). */
  EXPORTS_PER_MINUTE: z.coerce.number().int().min(1).default(20),
  /** Longest an export may take in its worker, the worker's start included (ms); then 503. */
  EXPORT_TIMEOUT_MS: z.coerce.number().int().min(1).default(60_000),
  /** Heap of one export worker (MiB); an export that needs more fails alone, with a 500. */
  EXPORT_WORKER_MEMORY_MB: z.coerce.number().int().min(32).default(512),
  /** smtp://… or smtps://… : with MAIL_FROM, turns e-mail on; without, notifications stay in the app. */
  SMTP_URL: unlessEmpty(z.string().regex(/^smtps?:\/\//, 'must be an smtp:// or smtps:// URL')),
  /** The sender of every mail, e.g. "Accord <drafts@example.org>". */
  MAIL_FROM: unlessEmpty(z.string().min(3).max(320)),
  /** How often the outbox is looked at for mail that is due (ms). */
  MAIL_POLL_MS: z.coerce.number().int().min(10).default(2000),
  /** The first retry of a mail SMTP did not take waits this long (ms); each next one twice as long. */
  MAIL_RETRY_MS: z.coerce.number().int().min(10).default(10_000),
  /** The longest wait between two tries of one mail (ms; default 15 minutes). */
  MAIL_RETRY_MAX_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(15 * 60_000),
  /** After this many tries a mail is given up and kept as failed. */
  MAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(40),
  /** How long one SMTP step (connect, greeting, a command) may take (ms). */
  SMTP_TIMEOUT_MS: z.coerce.number().int().min(100).default(20_000),
  /** How often review rounds are looked at for reminders and deadlines (ms). */
  REVIEW_TICK_MS: z.coerce.number().int().min(10).default(30_000),
  /** Mails one person gets "immediately" per hour; beyond, what follows waits for one batch mail. */
  MAIL_IMMEDIATE_PER_HOUR: z.coerce.number().int().min(1).default(12),
  /** Days public commenters' e-mail addresses are kept after their consultation closes. */
  CONSULTATION_RETENTION_DAYS: int(180),
  /** How often the retention sweep looks for consultations whose period is over (ms; default 1 hour). */
  CONSULTATION_SWEEP_MS: z.coerce
    .number()
    .int()
    .min(10)
    .default(60 * 60_000),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  databaseUrl: string | undefined
  redisUrl: string | undefined
  publicOrigin: string
  /** True when PUBLIC_ORIGIN was not given, so the origin follows the actual listening port. */
  publicOriginDerived: boolean
  admin: { email: string; password: string } | undefined
  clientDist: string
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL']
  maxMessageBytes: number
  maxBodyBytes: number
  maxImportBytes: number
  imports: ImportLimits
  maxMessagesPerSecond: number
  flushDelayMs: number
  compactAfterUpdates: number
  idleUnloadMs: number
  /** BENCH_MAP: a root map the load benchmark writes to; undefined in production. */
  benchMap: string | undefined
  sessionMs: number
  autoVersionMs: number
  maxEventStreamsPerAccount: number
  maxEventStreams: number
  exports: ExportLimits
  /** Present when SMTP_URL and MAIL_FROM are both set. */
  mail: MailConfig | undefined
  reviewTickMs: number
  /** Public consultation: how long addresses are kept after closing, and how often that is checked. */
  consultations: { retentionDays: number; sweepMs: number }
}

/** How mail is sent (see docs/operations.md). */
export interface MailConfig {
  smtpUrl: string
  from: string
  pollMs: number
  retryMs: number
  retryMaxMs: number
  maxAttempts: number
  timeoutMs: number
  immediatePerHour: number
}

/** How imported files are read and limited (see docs/operations.md). */
export interface ImportLimits {
  workers: number
  perAccount: number
  timeoutMs: number
  workerMemoryMb: number
}

/** How exports are rendered and limited (see docs/operations.md). */
export interface ExportLimits {
  workers: number
  queue: number
  perAccount: number
  perMinute: number
  timeoutMs: number
  workerMemoryMb: number
}

const defaultClientDist = () =>
  path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../client/dist')

/** Reads the environment once, at start; a bad value stops the server with a clear message. */
export const loadConfig = (env: NodeJS.ProcessEnv = process.env): Config => {
  const parsed = envSchema.safeParse(env)
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')
    throw new Error(`Invalid configuration: ${issues}`)
  }
  const e = parsed.data
  const admin =
    e.ADMIN_EMAIL && e.ADMIN_PASSWORD
      ? { email: e.ADMIN_EMAIL, password: e.ADMIN_PASSWORD }
      : undefined
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    publicOrigin: e.PUBLIC_ORIGIN
      ? new URL(e.PUBLIC_ORIGIN).origin
      : `http://${e.HOST.includes(':') ? `[${e.HOST}]` : e.HOST}:${e.PORT}`,
    publicOriginDerived: !e.PUBLIC_ORIGIN,
    admin,
    clientDist: e.CLIENT_DIST ? path.resolve(e.CLIENT_DIST) : defaultClientDist(),
    logLevel: e.LOG_LEVEL,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxBodyBytes: e.MAX_BODY_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    imports: {
      workers: e.IMPORT_WORKERS,
      perAccount: e.IMPORTS_PER_ACCOUNT,
      timeoutMs: e.IMPORT_TIMEOUT_MS,
      workerMemoryMb: e.IMPORT_WORKER_MEMORY_MB,
    },
    maxMessagesPerSecond: e.MAX_MESSAGES_PER_SECOND,
    flushDelayMs: e.FLUSH_DELAY_MS,
    compactAfterUpdates: e.COMPACT_AFTER_UPDATES,
    idleUnloadMs: e.IDLE_UNLOAD_MS,
    benchMap: e.BENCH_MAP,
    sessionMs: e.SESSION_DAYS * 24 * 60 * 60 * 1000,
    autoVersionMs: Math.max(1, e.AUTO_VERSION_SECONDS) * 1000,
    maxEventStreamsPerAccount: e.MAX_EVENT_STREAMS_PER_ACCOUNT,
    maxEventStreams: e.MAX_EVENT_STREAMS,
    exports: {
      workers: e.EXPORT_WORKERS,
      queue: e.EXPORT_QUEUE,
      perAccount: e.EXPORTS_PER_ACCOUNT,
      perMinute: e.EXPORTS_PER_MINUTE,
      timeoutMs: e.EXPORT_TIMEOUT_MS,
      workerMemoryMb: e.EXPORT_WORKER_MEMORY_MB,
    },
    reviewTickMs: e.REVIEW_TICK_MS,
    consultations: {
      retentionDays: e.CONSULTATION_RETENTION_DAYS,
      sweepMs: e.CONSULTATION_SWEEP_MS,
    },
    mail:
      e.SMTP_URL && e.MAIL_FROM
        ? {
            smtpUrl: e.SMTP_URL,
            from: e.MAIL_FROM,
            pollMs: e.MAIL_POLL_MS,
            retryMs: e.MAIL_RETRY_MS,
            retryMaxMs: e.MAIL_RETRY_MAX_MS,
            maxAttempts: e.MAIL_MAX_ATTEMPTS,
            timeoutMs: e.SMTP_TIMEOUT_MS,
            immediatePerHour: e.MAIL_IMMEDIATE_PER_HOUR,
          }
        : undefined,
  }
}
