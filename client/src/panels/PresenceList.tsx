import type { PresenceUser } from '@accord/protocol'
import { useId } from 'react'
import { useTranslation } from 'react-i18next'

interface PresenceListProps {
  users: PresenceUser[]
  /** The signed-in account, marked "you". */
  selfId: string
}

/** Who has the document open now, each in the colour of their caret. */
export const PresenceList = ({ users, selfId }: PresenceListProps) => {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="presence" aria-labelledby={headingId} data-testid="presence">
      <h2 id={headingId}>{t('presence.heading')}</h2>
      <ul className="presence-list">
        {users.map((user) => (
          <li key={user.id} data-user-id={user.id}>
            <span className="swatch" style={{ backgroundColor: user.color }} aria-hidden="true" />
            <span className="presence-name">
              {user.name}
              {user.id === selfId && ` (${t('common.you')})`}
            </span>
            <span className="presence-role">{t(`roles.${user.role}`)}</span>
          </li>
        ))}
      </ul>
    </section>
  )
}
