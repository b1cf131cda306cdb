import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { NavLink } from 'react-router'
import { useAnnouncer } from '../app/useAnnouncer'
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
      <span aria-hidden="true">🔔</span> {t('inbox.bell')}
      {count > 0 && (
        <span className="bell-count">
          <span aria-hidden="true">{count}</span>
          <span className="visually-hidden">{t('inbox.unreadCount', { count })}</span>
        </span>
      )}
    </NavLink>
  )
}
