import type { AuditEntry, RoundSummary } from '@accord/protocol'
import { useTranslation } from 'react-i18next'
import { LocalTime } from '../../ui/LocalTime'

/** Audit actions are `area.verb`; translation keys cannot hold dots, so they use `area_verb`. */
const actionKey = (action: string) => `activity.actions.${action.replace('.', '_')}`

/** A closed review round's figures, for its line (see RoundSummary). */
const summaryValues = (summary: unknown) => {
  if (typeof summary !== 'object' || summary === null) return {}
  const s = summary as Partial<RoundSummary>
  return {
    comments: s.comments ?? 0,
    replies: s.replies ?? 0,
    accepted: s.decisions?.accepted ?? 0,
    rejected: s.decisions?.rejected ?? 0,
    people: (s.participants ?? []).map((p) => p.name).join(', ') || '—',
  }
}

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
            ...summaryValues(entry.details?.summary),
          })}
          {showDocument && entry.document && <> · {entry.document.title}</>}
        </li>
      ))}
    </ol>
  )
}
