import { atLeast, type DocumentInfo, Role, type User, type VersionInfo } from '@accord/protocol'
import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ConfirmDialog } from '../../ui/ConfirmDialog'
import { FormMessage } from '../../ui/FormMessage'
import { Progress } from '../../ui/Progress'
import { ActivityChart } from './ActivityChart'
import { ActivityList } from './ActivityList'
import { SaveVersionForm } from './SaveVersionForm'
import { CURRENT, type VersionHistory } from './useVersionHistory'
import './history.css'
import './historyPanel.css'
import { useTranslationCount } from './useTranslationCount'
import { useVersionLabel } from './useVersionLabel'
import { VersionItem } from './VersionItem'
import { groupVersions } from './versionGroups'

interface HistoryPanelProps {
  document: DocumentInfo
  user: User
  history: VersionHistory
  /** Shows the live text with what was written since a version coloured by its authors. */
  onWhoChangedSince: (versionId: string) => void
}

/**
 * The history beside the text: versions by day, named ones first in view and the automatic
 * ones folded between them (and hideable); view, compare and restore, each restore asked in
 * the app's own dialog; the activity below.
 */
export const HistoryPanel = ({ document, user, history, onWhoChangedSince }: HistoryPanelProps) => {
  const { t, i18n } = useTranslation()
  const headingId = useId()
  const [showAutomatic, setShowAutomatic] = useState(true)
  const [restoring, setRestoring] = useState<VersionInfo | null>(null)
  const [restored, setRestored] = useState<string | null>(null)
  const translations = useTranslationCount(document)
  const { versions, activity, shown, reload } = history
  const label = useVersionLabel(versions ?? [])
  const mayKeep = atLeast(user.role, Role.coordinator)
  const mayRestore = mayKeep && document.status !== 'final'

  useEffect(() => {
    void reload()
  }, [reload])

  const dayFormat = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'full' })
  const timeFormat = new Intl.DateTimeFormat(i18n.language, { timeStyle: 'short' })
  // Days in the viewer's own time zone, keyed by the local calendar date.
  const dayOf = (iso: string) => new Date(iso).toLocaleDateString('sv-SE')
  const days = groupVersions(versions ?? [], dayOf, showAutomatic)
  const selectedId = shown?.kind === 'version' ? shown.version.id : null

  const item = (version: VersionInfo, name = label(version)) => (
    <VersionItem
      key={version.id}
      version={version}
      label={name}
      selected={version.id === selectedId}
      mayRestore={mayRestore}
      onView={(v) => {
        setRestored(null)
        void history.view(v)
      }}
      onCompare={(v) => {
        setRestored(null)
        void history.compare(v.id, CURRENT)
      }}
      onRestore={setRestoring}
      onWhoChanged={(v) => {
        setRestored(null)
        onWhoChangedSince(v.id)
      }}
    />
  )

  return (
    <section className="history-panel" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('history.title')}</h2>
      {mayKeep && document.status !== 'final' && (
        <SaveVersionForm onSave={history.save} translations={translations} />
      )}
      <label className="checkbox">
        <input
          type="checkbox"
          checked={showAutomatic}
          onChange={(event) => setShowAutomatic(event.target.checked)}
        />{' '}
        {t('historyPanel.showAutomatic')}
      </label>
      {history.busy && <Progress label={t('app.loading')} />}
      <FormMessage error={history.error} success={restored} />
      {versions?.length === 0 && <p className="empty">{t('history.noVersions')}</p>}
      {days.map(({ day, entries }) => (
        <div key={day} className="version-day">
          {/* Noon of the local day: the same calendar date in every time zone's formatting. */}
          <h3>{dayFormat.format(new Date(`${day}T12:00:00`))}</h3>
          <ol className="version-list">
            {entries.map((entry) =>
              entry.kind === 'named' ? (
                item(entry.version)
              ) : (
                <li key={entry.versions[0]?.id} className="version-run">
                  <details>
                    <summary>
                      {[
                        t('historyPanel.automaticRun', { count: entry.versions.length }),
                        runPeople(entry.versions),
                      ]
                        .filter(Boolean)
                        .join(' · ')}
                    </summary>
                    <ol className="version-list">
                      {entry.versions.map((v) => item(v, timeFormat.format(new Date(v.createdAt))))}
                    </ol>
                  </details>
                </li>
              ),
            )}
          </ol>
        </div>
      ))}
      {activity && (
        <details className="history-activity">
          <summary>{t('history.activity')}</summary>
          <ActivityChart edits={activity.editsPerDay} versions={versions ?? []} />
          <ActivityList entries={activity.entries} />
        </details>
      )}
      <ConfirmDialog
        open={restoring !== null}
        title={t('confirmations.restoreTitle')}
        message={t('history.confirmRestore', { name: restoring ? label(restoring) : '' })}
        confirmLabel={t('history.restore')}
        cancelLabel={t('common.cancel')}
        onConfirm={() => {
          const version = restoring
          setRestoring(null)
          if (!version) return
          const name = label(version)
          void history.restore(version).then((done) => {
            if (done) setRestored(t('history.restored', { name }))
          })
        }}
        onCancel={() => setRestoring(null)}
      />
    </section>
  )
}

/** Everyone whose edits a run of automatic versions keeps, once each. */
const runPeople = (versions: VersionInfo[]): string =>
  [...new Set(versions.flatMap((v) => v.editors.map((e) => e.name)))].join(', ')
