import type { PresenceUser, User } from '@accord/protocol'

/** What collaborators see of a person in the editor. */
export const presenceOf = (user: User): PresenceUser => ({
  id: user.id,
  name: user.name,
  color: user.color,
  role: user.role,
})
