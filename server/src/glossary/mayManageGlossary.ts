import { atLeast, Role } from '@accord/protocol'
import { forbidden } from '../errors/DomainError.js'
import type { Actor } from './GlossaryContext.js'

/** Coordinators and the secretariat manage the glossary; everyone reads it. */
export const mayManageGlossary = (actor: Actor): void => {
  if (!atLeast(actor.role, Role.coordinator))
    throw forbidden('Coordinators and the secretariat manage the glossary')
}
