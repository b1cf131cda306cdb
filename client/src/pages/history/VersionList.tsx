import type { VersionInfo } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../../ui/LocalTime'

interface VersionListProps {
  versions: VersionInfo[]
  selectedId: string | null
  mayRestore: boolean
  onView: (version: VersionInfo) => void
  onCompare: (version: VersionInfo) => void
  onRestore: (version: VersionInfo) => void
}

/** Versions, newest first: name, author, time; view, compare with the current text, restore. */
export const VersionList = ({
  versions,
  selectedId,
  mayRestore,
  onView,
  onCompare,
  onRestore,
}: VersionListProps) => {
  const { t } = useTranslation()
  if (versions.length === 0) return <p className="empty">{t('history.noVersions')}</p>
  return (
    <ol className="version-list">
      {versions.map((version) => (
        <li key={version.id} className={version.id === selectedId ? 'is-selected' : undefined}>
          <p className="version-name">
            {version.kind === 'auto' ? t('history.automatic') : version.name}
            {version.kind === 'auto' && <span className="badge">{t('history.autoBadge')}</span>}
          </p>
          <p className="version-meta">
            {version.author?.name ?? t('history.byAccord')} · <LocalTime iso={version.createdAt} />
          </p>
          {version.note && <p className="version-note">{version.note}</p>}
          <div className="version-actions">
            <button type="button" className="quiet" onClick={() => onView(version)}>
              {t('history.view')}
            </button>
            <button type="button" className="quiet" onClick={() => onCompare(version)}>
              {t('history.compareWithCurrent')}
            </button>
            {mayRestore && (
              <button type="button" className="quiet" onClick={() => onRestore(version)}>
                {t('history.restore')}
              </button>
            )}
          </div>
        </li>
      ))}
    </ol>
  )
}
