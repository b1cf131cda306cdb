import type { VersionInfo } from '@accord/protocol'
import { type CSSProperties, useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { historyApi } from '../app/api'
import { formatShortcut, isMac } from '../editor/formatShortcut'
import { useVersionLabel } from '../panels/history/useVersionLabel'
import { useAnnouncer } from '../ui/useAnnouncer'
import { WHO_WROTE_SHORTCUT } from './AuthorshipHighlights'
import type { Authorship } from './useAuthorship'
import './authorship.css'

interface AuthorshipBarProps {
  documentId: string
  authorship: Authorship
}

/**
 * The "who wrote what" switch above the text and, while it is on, the legend (each person's
 * colour and underline, so they differ without colour too) and the choice between all the
 * text and what changed since a version.
 */
export const AuthorshipBar = ({ documentId, authorship }: AuthorshipBarProps) => {
  const { t } = useTranslation()
  const announce = useAnnouncer()
  const legendId = useId()
  const sinceId = useId()
  const { on, toggle, since, setSince, legend, error } = authorship
  const [versions, setVersions] = useState<VersionInfo[]>([])
  const label = useVersionLabel(versions)

  useEffect(() => {
    if (!on) return
    let live = true
    historyApi.versions(documentId).then(
      (answer) => live && setVersions(answer.versions),
      // Without the list, "since a version" is not offered; the colours still work.
      () => undefined,
    )
    return () => {
      live = false
    }
  }, [on, documentId])

  return (
    <div className="authorship">
      <button
        type="button"
        className={on ? 'authorship-toggle on' : 'authorship-toggle'}
        aria-pressed={on}
        aria-controls={on ? legendId : undefined}
        onClick={() => {
          announce(on ? t('authorship.announceOff') : t('authorship.announceOn'))
          toggle()
        }}
      >
        {t('authorship.toggle')}
      </button>
      {on && (
        <>
          <label htmlFor={sinceId}>{t('authorship.show')}</label>
          <select
            id={sinceId}
            value={since ?? ''}
            onChange={(event) => setSince(event.target.value || null)}
          >
            <option value="">{t('authorship.allText')}</option>
            {versions.map((version) => (
              <option key={version.id} value={version.id}>
                {t('authorship.sinceVersion', { name: label(version) })}
              </option>
            ))}
          </select>
          <ul id={legendId} className="authorship-legend" aria-label={t('authorship.legend')}>
            {legend.map(({ id, look }) => (
              <li key={id}>
                <span
                  className={`author-swatch author-run author-style-${look.style}`}
                  style={{ '--author': look.color } as CSSProperties}
                  aria-hidden="true"
                >
                  {t('authorship.sample')}
                </span>{' '}
                {look.name}
              </li>
            ))}
            {legend.length === 0 && (
              <li>{since ? t('authorship.noneSince') : t('authorship.none')}</li>
            )}
          </ul>
          <p className="authorship-note">
            {t('authorship.uncoloured', { shortcut: formatShortcut(WHO_WROTE_SHORTCUT, isMac()) })}
          </p>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </>
      )}
    </div>
  )
}
