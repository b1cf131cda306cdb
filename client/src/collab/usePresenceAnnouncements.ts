import type { PresenceUser } from '@accord/protocol'
import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useAnnouncer } from '../ui/useAnnouncer'
import type { ConnectionState } from './ConnectionState'

/**
 * Tells screen-reader users when a collaborator opens or leaves the document. Those already
 * here when this person arrives come in with the first sync and are not news: the list is
 * taken as it stands when the connection is first made, and only changes after it are said.
 */
export const usePresenceAnnouncements = (
  presence: readonly PresenceUser[],
  selfId: string,
  connection: ConnectionState,
): void => {
  const { t } = useTranslation()
  const announce = useAnnouncer()
  const known = useRef<Map<string, string> | null>(null)

  useEffect(() => {
    // While the connection is down, the list shrinks to this person alone: that is not news either.
    if (connection !== 'connected') return
    if (known.current === null) {
      known.current = new Map(presence.map((user) => [user.id, user.name]))
      return
    }
    const now = new Map(presence.map((user) => [user.id, user.name]))
    const said: string[] = []
    for (const [id, name] of now) {
      if (id !== selfId && !known.current.has(id)) said.push(t('presence.joined', { name }))
    }
    for (const [id, name] of known.current) {
      if (id !== selfId && !now.has(id)) said.push(t('presence.left', { name }))
    }
    known.current = now
    if (said.length) announce(said.join('. '))
  }, [presence, selfId, connection, t, announce])
}
