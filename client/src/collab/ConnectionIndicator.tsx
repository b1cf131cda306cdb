import { useTranslation } from 'react-i18next'
import type { ConnectionState } from './ConnectionState'

/** The connection state in words, announced politely whenever it changes. */
export const ConnectionIndicator = ({ state }: { state: ConnectionState }) => {
  const { t } = useTranslation()
  // Browser tests and styles know three states; the wording also tells a first connection apart.
  const kind = state === 'reconnecting' ? 'connecting' : state
  return (
    <p
      className={`connection connection-${kind}`}
      role="status"
      aria-live="polite"
      data-testid="connection-state"
      data-state={kind}
    >
      <span className="connection-dot" aria-hidden="true" />
      {t(`connection.${state}`)}
    </p>
  )
}
