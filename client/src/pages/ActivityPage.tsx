import type { AuditEntry } from '@accord/protocol'
import { useCallback, useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { historyApi } from '../app/api'
import { useAction } from '../app/useAction'
import { usePageTitle } from '../app/usePageTitle'
import { ActivityList } from '../panels/history/ActivityList'
import { FormMessage } from '../ui/FormMessage'
import '../panels/history/history.css'

/** `/activity` (secretariat): everything that happened in the installation, newest first. */
export const ActivityPage = () => {
  const { t } = useTranslation()
  const [entries, setEntries] = useState<AuditEntry[]>([])
  const [more, setMore] = useState(true)
  const { busy, error, run } = useAction()
  usePageTitle(t('activity.title'))

  const loadMore = useCallback(
    (before?: number) =>
      run(async () => {
        const page = await historyApi.allActivity(before)
        setEntries((list) => (before ? [...list, ...page.entries] : page.entries))
        setMore(page.entries.length > 0)
      }),
    [run],
  )

  useEffect(() => {
    void loadMore()
  }, [loadMore])

  return (
    <div className="page">
      <h1>{t('activity.title')}</h1>
      <ActivityList entries={entries} showDocument />
      <FormMessage error={error} />
      {more && entries.length > 0 && (
        <button
          type="button"
          className="quiet"
          disabled={busy}
          onClick={() => void loadMore(entries.at(-1)?.id)}
        >
          {t('activity.more')}
        </button>
      )}
    </div>
  )
}
