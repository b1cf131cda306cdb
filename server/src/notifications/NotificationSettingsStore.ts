import type { EmailMode, NotificationSettings, NotificationType } from '@accord/protocol'
import type { NotificationSettingsPatch } from '@accord/protocol/requests'
import type { Sql } from '../mail/MailOutbox.js'
import type { Database } from '../store/Database.js'

/** Until a person chooses: every kind at once, the digest (if chosen) at 8:00 UTC. */
export const DEFAULT_SETTINGS: NotificationSettings = {
  email: 'immediate',
  kinds: {},
  digestHour: 8,
  timeZone: 'UTC',
}

interface SettingsRow {
  user_id: string
  email: EmailMode
  kinds: string
  digest_hour: number
  time_zone: string
  last_digest_at: number
}

const toSettings = (r: SettingsRow | undefined): NotificationSettings =>
  r
    ? {
        email: r.email,
        kinds: JSON.parse(r.kinds) as NotificationSettings['kinds'],
        digestHour: Number(r.digest_hour),
        timeZone: r.time_zone,
      }
    : { ...DEFAULT_SETTINGS, kinds: {} }

/** How a kind of notification reaches the person by mail. */
export const emailModeFor = (settings: NotificationSettings, type: NotificationType): EmailMode =>
  settings.kinds[type] ?? settings.email

/** Each person's mail preferences and when their last daily digest went out. */
export class NotificationSettingsStore {
  constructor(private readonly db: Database) {}

  async get(userId: string): Promise<NotificationSettings> {
    return toSettings(
      await this.db.get<SettingsRow>('SELECT * FROM notification_settings WHERE user_id = ?', [
        userId,
      ]),
    )
  }

  /** Applies a patch; `kinds: {x: null}` returns kind x to the general setting. */
  async update(userId: string, patch: NotificationSettingsPatch): Promise<NotificationSettings> {
    const current = await this.get(userId)
    const kinds = { ...current.kinds }
    for (const [kind, mode] of Object.entries(patch.kinds ?? {})) {
      if (mode === null) delete kinds[kind as NotificationType]
      else kinds[kind as NotificationType] = mode as EmailMode
    }
    const next: NotificationSettings = {
      email: patch.email ?? current.email,
      kinds,
      digestHour: patch.digestHour ?? current.digestHour,
      timeZone: patch.timeZone ?? current.timeZone,
    }
    await this.db.run(
      `INSERT INTO notification_settings (user_id, email, kinds, digest_hour, time_zone) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET email = excluded.email, kinds = excluded.kinds,
         digest_hour = excluded.digest_hour, time_zone = excluded.time_zone`,
      [userId, next.email, JSON.stringify(next.kinds), next.digestHour, next.timeZone],
    )
    return next
  }

  /** When the person's last digest went out (epoch ms; 0 for never). */
  async lastDigestAt(userId: string): Promise<number> {
    const row = await this.db.get<{ last_digest_at: number }>(
      'SELECT last_digest_at FROM notification_settings WHERE user_id = ?',
      [userId],
    )
    return Number(row?.last_digest_at ?? 0)
  }

  /** Records when a digest (or batch mail) went out. */
  async markDigestSent(sql: Sql, userId: string, now: number): Promise<void> {
    await sql.run(
      `INSERT INTO notification_settings (user_id, email, kinds, digest_hour, time_zone, last_digest_at)
       VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (user_id) DO UPDATE SET last_digest_at = excluded.last_digest_at`,
      [
        userId,
        DEFAULT_SETTINGS.email,
        '{}',
        DEFAULT_SETTINGS.digestHour,
        DEFAULT_SETTINGS.timeZone,
        now,
      ],
    )
  }
}
