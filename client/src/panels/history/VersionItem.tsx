import type { VersionInfo } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../../ui/LocalTime'

interface VersionItemProps {
  version: VersionInfo
  label: string
  selected: boolean
  mayRestore: boolean
  onView: (version: VersionInfo) => void
  onCompare: (version: VersionInfo) => void
  onRestore: (version: VersionInfo) => void
  /** Colours the live text written since this version by who wrote it. */
  onWhoChanged: (version: VersionInfo) => void
}

/**
 * One version: a named one by its name, author and time; an automatic one by its time, the
 * people whose edits it keeps and how much they changed. View, compare with now, restore.
 */
export const VersionItem = ({
  version,
  label,
  selected,
  mayRestore,
  onView,
  onCompare,
  onRestore,
  onWhoChanged,
}: VersionItemProps) => {
  const { t } = useTranslation()
  const automatic = version.kind === 'auto'
  return (
    <li className={selected ? 'is-selected' : undefined} aria-current={selected || undefined}>
      <p className="version-name">{label}</p>
      <p className="version-meta">
        {automatic ? (
          <>
            {version.editors.length > 0
              ? version.editors.map((editor) => editor.name).join(', ')
              : t('historyPanel.nobodyKnown')}
            {version.changes !== null &&
              ` · ${t('historyPanel.changes', { count: version.changes })}`}
          </>
        ) : (
          <>
            {version.author?.name ?? t('history.byAccord')} · <LocalTime iso={version.createdAt} />
          </>
        )}
      </p>
      {version.note && <p className="version-note">{version.note}</p>}
      <div className="version-actions">
        <button
          type="button"
          className="quiet"
          aria-label={t('historyPanel.viewNamed', { name: label })}
          onClick={() => onView(version)}
        >
          {t('history.view')}
        </button>
        <button
          type="button"
          className="quiet"
          aria-label={t('historyPanel.compareNamed', { name: label })}
          onClick={() => onCompare(version)}
        >
          {t('history.compareWithCurrent')}
        </button>
        <button
          type="button"
          className="quiet"
          aria-label={t('authorship.whoChangedNamed', { name: label })}
          onClick={() => onWhoChanged(version)}
        >
          {t('authorship.whoChanged')}
        </button>
        {mayRestore && (
          <button
            type="button"
            className="quiet"
            aria-label={t('historyPanel.restoreNamed', { name: label })}
            onClick={() => onRestore(version)}
          >
            {t('history.restore')}
          </button>
        )}
      </div>
    </li>
  )
}
