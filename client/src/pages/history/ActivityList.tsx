import type { AuditEntry } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../../ui/LocalTime'

/** Audit actions are `area.verb`; translation keys cannot hold dots, so they use `area_verb`. */
const actionKey = (action: string) => `activity.actions.${action.replace('.', '_')}`

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
          <strong>{entry.user?.name ?? t('history.byAccord')}</strong>{' '}
          {/* Unknown actions (from a newer server) show as they are. */}
          {t(actionKey(entry.action) as never, {
            defaultValue: entry.action,
            changes: entry.details?.changes ?? '',
          })}
          {showDocument && entry.document && <> · {entry.document.title}</>}
        </li>
      ))}
    </ol>
  )
}
