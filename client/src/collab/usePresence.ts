import type { PresenceUser } from '@accord/protocol'
import { useEffect, useState } from 'react'
import type { Awareness } from 'y-protocols/awareness'
import { presenceFromStates } from './presenceFromStates'

const sameUsers = (a: PresenceUser[], b: PresenceUser[]): boolean =>
  a.length === b.length &&
  a.every((user, i) => {
    const other = b[i]
    return (
      other !== undefined &&
      user.id === other.id &&
      user.name === other.name &&
      user.color === other.color &&
      user.role === other.role
    )
  })

/** Who is in the document now, kept current from awareness. */
export const usePresence = (awareness: Awareness | null): PresenceUser[] => {
  const [users, setUsers] = useState<PresenceUser[]>([])
  useEffect(() => {
    if (!awareness) return
    const update = () => {
      const next = presenceFromStates(awareness.getStates())
      // Caret moves change awareness constantly; re-render only when the people change.
      setUsers((previous) => (sameUsers(previous, next) ? previous : next))
    }
    update()
    awareness.on('change', update)
    return () => awareness.off('change', update)
  }, [awareness])
  return users
}
