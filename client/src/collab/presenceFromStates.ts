import { type PresenceUser, ROLES, type Role } from '@accord/protocol'

const isPresenceUser = (value: unknown): value is PresenceUser => {
  if (typeof value !== 'object' || value === null) return false
  const user = value as Record<string, unknown>
  return (
    typeof user.id === 'string' &&
    typeof user.name === 'string' &&
    typeof user.color === 'string' &&
    ROLES.includes(user.role as Role)
  )
}

/**
 * The people present, from awareness states: one entry per account even when it has
 * several tabs or devices open, sorted by name.
 */
export const presenceFromStates = (
  states: ReadonlyMap<number, Record<string, unknown>>,
): PresenceUser[] => {
  const byId = new Map<string, PresenceUser>()
  for (const state of states.values()) {
    const user = state.user
    if (isPresenceUser(user) && !byId.has(user.id)) byId.set(user.id, user)
  }
  return [...byId.values()].sort((a, b) => a.name.localeCompare(b.name))
}
