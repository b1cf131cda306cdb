import type { AuditEntry } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../../ui/LocalTime'
import { activityLabel } from './activityLabel'

/** Who did what, when: one line per audit entry, newest first. */
export const ActivityList = ({
  entries,
  showDocument,
}: {
  entries: AuditEntry[]
  showDocument?: boolean
}) => {
  const { t } = useTranslation()
  if (entries.length === 0) return <p className="empty">{t('history.noActivity')}</p>
  return (
    <ol className="activity-list">
      {entries.map((entry) => (
        <li key={entry.id}>
          <LocalTime iso={entry.at} /> —{' '}
          <strong>{entry.user?.name ?? t('history.byAccord')}</strong> {activityLabel(t, entry)}
          {showDocument && entry.document && <> · {entry.document.title}</>}
        </li>
      ))}
    </ol>
  )
}
