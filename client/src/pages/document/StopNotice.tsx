import { useTranslation } from 'react-i18next'
import { Link } from 'wouter'
import type { CollabStop } from '../../collab/useCollabDocument'

/** Tells why this tab stopped syncing the document for good, and where to go from here. */
export const StopNotice = ({ stop }: { stop: CollabStop }) => {
  const { t } = useTranslation()
  const message =
    stop.reason === 'forbidden'
      ? t('document.forbidden')
      : stop.reason === 'notFound'
        ? t('document.notFound')
        : t('document.closed', { reason: stop.detail })
  return (
    <div className="notice notice-error" role="alert">
      <p>{message}</p>
      <p>
        {stop.reason === 'rejected' ? (
          <button type="button" onClick={() => window.location.reload()}>
            {t('document.reload')}
          </button>
        ) : (
          <Link to="/">{t('document.backToList')}</Link>
        )}
      </p>
    </div>
  )
}
