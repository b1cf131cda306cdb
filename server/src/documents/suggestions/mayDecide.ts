import { canResolveSuggestions, type DocumentStatus, type Role } from '@accord/protocol'
import { forbidden } from '../../errors/DomainError.js'
import { assertNotFinal } from '../documentOf.js'

/** Coordinators and the secretariat decide suggestions, never on a final document. */
export const mayDecide = (role: Role, status: DocumentStatus): void => {
  assertNotFinal(status)
  if (!canResolveSuggestions(role, status)) {
    throw forbidden('Only coordinators and the secretariat accept or reject suggestions')
  }
}
