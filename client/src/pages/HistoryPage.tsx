import type { DocumentDiff } from '@accord/diff'
import {
  type AuditEntry,
  atLeast,
  type DocumentInfo,
  type EditsPerDay,
  Role,
  type VersionInfo,
} from '@accord/protocol'
import type { DocumentSettings } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { api, historyApi } from '../app/api'
import { useAction } from '../app/useAction'
import { useUser } from '../app/useAuth'
import { usePageTitle } from '../app/usePageTitle'
import { ConfirmDialog } from '../ui/ConfirmDialog'
import { FormMessage } from '../ui/FormMessage'
import type { DocumentReturnState } from './document/DocumentWorkspace'
import { ExportMenu } from './document/ExportMenu'
import { ActivityChart } from './history/ActivityChart'
import { ActivityList } from './history/ActivityList'
import { DiffView } from './history/DiffView'
import { SaveVersionForm } from './history/SaveVersionForm'
import { VersionList } from './history/VersionList'
import { VersionViewer } from './history/VersionViewer'
import './history/history.css'
import { Progress } from '../ui/Progress'

const CURRENT = 'current'

type Shown =
  | { kind: 'version'; version: VersionInfo; content: JSONContent; settings: DocumentSettings }
  | { kind: 'diff'; diff: DocumentDiff; from: string; to: string }
  | null

/** `/documents/:id/history`: versions, comparison as a redline, restore, and who did what. */
export const HistoryPage = () => {
  const { t, i18n } = useTranslation()
  const dateTime = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  })
  const { id = '' } = useParams()
  const user = useUser()
  const [document, setDocument] = useState<DocumentInfo | null>(null)
  const [versions, setVersions] = useState<VersionInfo[]>([])
  const [activity, setActivity] = useState<{
    entries: AuditEntry[]
    editsPerDay: EditsPerDay[]
  } | null>(null)
  const [shown, setShown] = useState<Shown>(null)
  const [from, setFrom] = useState('')
  const [to, setTo] = useState(CURRENT)
  const [onlyChanges, setOnlyChanges] = useState(true)
  const { busy, error, run } = useAction()
  const [restored, setRestored] = useState<string | null>(null)
  const [restoring, setRestoring] = useState<VersionInfo | null>(null)
  usePageTitle(document ? `${t('history.title')}: ${document.title}` : t('history.title'))

  const load = useCallback(async () => {
    const [doc, list, log] = await Promise.all([
      api.document(id),
      historyApi.versions(id),
      historyApi.activity(id),
    ])
    setDocument(doc)
    setVersions(list.versions)
    setActivity(log)
    setFrom((current) => current || list.versions[0]?.id || '')
  }, [id])

  useEffect(() => {
    void run(load)
  }, [run, load])

  const mayRestore = atLeast(user.role, Role.coordinator) && document?.status !== 'final'
  const label = (versionId: string) => {
    if (versionId === CURRENT) return t('history.current')
    const version = versions.find((v) => v.id === versionId)
    return version?.kind === 'auto' ? t('history.automatic') : (version?.name ?? versionId)
  }

  const compare = (fromId: string, toId: string) =>
    run(async () => {
      setRestored(null)
      setShown({
        kind: 'diff',
        diff: await historyApi.diff(id, fromId, toId),
        from: fromId,
        to: toId,
      })
    })

  return (
    <div className="page history-page">
      <p>
        <Link
          to={`/documents/${encodeURIComponent(id)}`}
          state={{ returnFocus: 'history' } satisfies DocumentReturnState}
        >
          {t('history.backToDocument')}
        </Link>
      </p>
      <h1>
        {t('history.title')}
        {document && `: ${document.title}`}
      </h1>
      <div className="history-layout">
        <aside className="history-side" aria-label={t('history.versions')}>
          <h2>{t('history.versions')}</h2>
          {atLeast(user.role, Role.coordinator) && (
            <SaveVersionForm
              onSave={async (name, note) => {
                await historyApi.createVersion(id, { name, note: note || null })
                await load()
              }}
            />
          )}
          <VersionList
            versions={versions}
            selectedId={shown?.kind === 'version' ? shown.version.id : null}
            mayRestore={mayRestore}
            onView={(version) =>
              void run(async () => {
                setRestored(null)
                const { content, settings } = await historyApi.version(id, version.id)
                setShown({ kind: 'version', version, content, settings })
              })
            }
            onCompare={(version) => {
              setFrom(version.id)
              setTo(CURRENT)
              void compare(version.id, CURRENT)
            }}
            onRestore={setRestoring}
          />
          <ConfirmDialog
            open={restoring !== null}
            title={t('confirmations.restoreTitle')}
            message={t('history.confirmRestore', { name: restoring ? label(restoring.id) : '' })}
            confirmLabel={t('history.restore')}
            cancelLabel={t('common.cancel')}
            onConfirm={() => {
              const version = restoring
              setRestoring(null)
              if (!version) return
              void run(async () => {
                await historyApi.restore(id, version.id)
                setRestored(t('history.restored', { name: label(version.id) }))
                await load()
              })
            }}
            onCancel={() => setRestoring(null)}
          />
        </aside>
        <section className="history-main" aria-labelledby="history-main-heading">
          <h2 id="history-main-heading" className="visually-hidden">
            {t('history.compare')}
          </h2>
          {versions.length > 0 && (
            <form
              className="compare-form"
              onSubmit={(event) => {
                event.preventDefault()
                if (from) void compare(from, to)
              }}
            >
              <label>
                {t('history.from')}
                <select value={from} onChange={(e) => setFrom(e.target.value)}>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {label(v.id)} — {dateTime.format(new Date(v.createdAt))}
                    </option>
                  ))}
                </select>
              </label>
              <label>
                {t('history.to')}
                <select value={to} onChange={(e) => setTo(e.target.value)}>
                  <option value={CURRENT}>{t('history.current')}</option>
                  {versions.map((v) => (
                    <option key={v.id} value={v.id}>
                      {label(v.id)} — {dateTime.format(new Date(v.createdAt))}
                    </option>
                  ))}
                </select>
              </label>
              <button type="submit" disabled={busy || !from}>
                {t('history.compare')}
              </button>
            </form>
          )}
          {busy && <Progress label={t('app.loading')} />}
          <FormMessage error={error} success={restored} />
          {shown?.kind === 'version' && (
            <>
              <h3>
                {label(shown.version.id)} <span className="badge">{t('history.readOnly')}</span>
              </h3>
              <ExportMenu documentId={id} versionId={shown.version.id} />
              <VersionViewer content={shown.content} settings={shown.settings} />
            </>
          )}
          {shown?.kind === 'diff' && (
            <>
              <h3>
                {label(shown.from)} → {label(shown.to)}
              </h3>
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={onlyChanges}
                  onChange={(e) => setOnlyChanges(e.target.checked)}
                />{' '}
                {t('history.onlyChanges')}
              </label>
              <DiffView diff={shown.diff} onlyChanges={onlyChanges} />
            </>
          )}
          <h2>{t('history.activity')}</h2>
          {activity && (
            <>
              <ActivityChart edits={activity.editsPerDay} versions={versions} />
              <ActivityList entries={activity.entries} />
            </>
          )}
        </section>
      </div>
    </div>
  )
}
