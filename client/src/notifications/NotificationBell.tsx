import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from '../app/NavLink'
import { useAnnouncer } from '../ui/useAnnouncer'
import { useUnreadCount } from './unreadCount'
import './notifications.css'

/** The link to the inbox with the unread count, live; a rise is announced to screen readers. */
export const NotificationBell = () => {
  const { t } = useTranslation()
  const unread = useUnreadCount()
  const announce = useAnnouncer()
  const previous = useRef<number | null>(null)

  useEffect(() => {
    if (unread !== null && previous.current !== null && unread > previous.current) {
      announce(t('inbox.bellUnread', { count: unread }))
    }
    previous.current = unread
  }, [unread, announce, t])

  const count = unread ?? 0
  return (
    <NavLink to="/inbox" className="bell" data-unread={count}>
      <svg className="bell-icon" viewBox="0 0 24 24" width="16" height="16" aria-hidden="true">
        <path
          d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1Z"
          fill="currentColor"
        />
      </svg>
      {t('inbox.bell')}
      {count > 0 && (
        <span className="bell-count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('inbox.unreadCount', { count })}</span>
        </span>
      )}
    </NavLink>
  )
}
