import { atLeast, Role } from '@accord/protocol'
import { notAllowed } from '../documents/DocumentError.js'
import type { StoredUser } from '../store/UserStore.js'

/** Coordinators and the secretariat manage the glossary; everyone reads it. */
export const mayManageGlossary = (user: StoredUser): void => {
  if (!atLeast(user.role, Role.coordinator))
    throw notAllowed('Coordinators and the secretariat manage the glossary')
}
