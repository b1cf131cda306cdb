import type { UserStore } from '../store/UserStore.js'

/** Of the people a comment mentions, those with no active account (unknown or deactivated). */
export const invalidMentions = async (
  users: UserStore,
  ids: readonly string[],
): Promise<string[]> => {
  const invalid: string[] = []
  for (const id of new Set(ids)) {
    if (!(await users.byId(id))?.active) invalid.push(id)
  }
  return invalid
}
