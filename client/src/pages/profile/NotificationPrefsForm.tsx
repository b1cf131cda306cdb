import { EMAIL_MODES, type EmailMode, type NotificationSettings } from '@accord/protocol'
import { type FormEvent, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inboxApi } from '../../app/api'
import { useAction } from '../../app/useAction'
import { FormMessage } from '../../ui/FormMessage'

const HOURS = Array.from({ length: 24 }, (_, hour) => hour)

/** The zones this browser knows, for the digest hour; the browser's own first. */
const zones = (): string[] => {
  const own = Intl.DateTimeFormat().resolvedOptions().timeZone
  const all = (Intl as { supportedValuesOf?: (key: string) => string[] }).supportedValuesOf?.(
    'timeZone',
  ) ?? ['UTC']
  return [...new Set([own, 'UTC', ...all])]
}

/** How notifications reach me by mail: at once, a daily digest at my hour, or never. */
export const NotificationPrefsForm = () => {
  const { t } = useTranslation()
  const headingId = useId()
  const modeId = useId()
  const hourId = useId()
  const zoneId = useId()
  const [settings, setSettings] = useState<NotificationSettings | null>(null)
  const [mail, setMail] = useState(true)
  const [saved, setSaved] = useState(false)
  const { busy, error, run } = useAction()

  useEffect(() => {
    let current = true
    inboxApi
      .settings()
      .then((r) => {
        if (!current) return
        setMail(r.mail)
        // A person who never chose gets their browser's zone offered.
        const zone =
          r.notifications.timeZone === 'UTC'
            ? Intl.DateTimeFormat().resolvedOptions().timeZone
            : r.notifications.timeZone
        setSettings({ ...r.notifications, timeZone: zone })
      })
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [])

  if (!settings) return null
  const change = (patch: Partial<NotificationSettings>) => {
    setSaved(false)
    setSettings({ ...settings, ...patch })
  }
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    void run(async () => {
      const { email, digestHour, timeZone } = settings
      setSettings((await inboxApi.updateSettings({ email, digestHour, timeZone })).notifications)
      setSaved(true)
    })
  }

  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{t('notifyPrefs.heading')}</h2>
      {!mail && <p>{t('notifyPrefs.noMail')}</p>}
      <form onSubmit={submit}>
        <div className="field">
          <label htmlFor={modeId}>{t('notifyPrefs.emailLabel')}</label>
          <select
            id={modeId}
            value={settings.email}
            onChange={(e) => change({ email: e.target.value as EmailMode })}
          >
            {EMAIL_MODES.map((mode) => (
              <option key={mode} value={mode}>
                {t(`notifyPrefs.${mode}`)}
              </option>
            ))}
          </select>
        </div>
        {settings.email === 'daily' && (
          <>
            <div className="field">
              <label htmlFor={hourId}>{t('notifyPrefs.hourLabel')}</label>
              <select
                id={hourId}
                value={settings.digestHour}
                onChange={(e) => change({ digestHour: Number(e.target.value) })}
              >
                {HOURS.map((hour) => (
                  <option key={hour} value={hour}>
                    {`${String(hour).padStart(2, '0')}:00`}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor={zoneId}>{t('notifyPrefs.zoneLabel')}</label>
              <select
                id={zoneId}
                value={settings.timeZone}
                onChange={(e) => change({ timeZone: e.target.value })}
              >
                {zones().map((zone) => (
                  <option key={zone} value={zone}>
                    {zone}
                  </option>
                ))}
              </select>
            </div>
          </>
        )}
        <button type="submit" disabled={busy}>
          {t('common.save')}
        </button>
        {saved && <p role="status">{t('notifyPrefs.saved')}</p>}
      </form>
      <FormMessage error={error} />
    </section>
  )
}
