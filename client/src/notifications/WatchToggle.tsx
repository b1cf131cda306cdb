import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { inboxApi } from '../app/api'

/** Watch or stop watching a document, in one click (a toggle button). */
export const WatchToggle = ({ documentId }: { documentId: string }) => {
  const { t } = useTranslation()
  const [watching, setWatching] = useState<boolean | null>(null)

  useEffect(() => {
    let current = true
    inboxApi
      .watching(documentId)
      .then((r) => current && setWatching(r.watching))
      .catch(() => undefined)
    return () => {
      current = false
    }
  }, [documentId])

  if (watching === null) return null
  return (
    <button
      type="button"
      className="quiet"
      aria-pressed={watching}
      title={watching ? t('watch.watchingHint') : undefined}
      onClick={() => {
        inboxApi
          .setWatching(documentId, !watching)
          .then((r) => setWatching(r.watching))
          .catch(() => undefined)
      }}
    >
      {t('watch.watch')}
    </button>
  )
}
