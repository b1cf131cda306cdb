import type { User } from '@accord/protocol'
import type { AuditLog } from '../store/AuditLog.js'
import type { GlossaryStore } from '../store/GlossaryStore.js'

/** The person a glossary operation acts for. */
export type Actor = Pick<User, 'id' | 'role'>

/** What the glossary operations use, given once by the composition root. */
export interface GlossaryContext {
  glossary: GlossaryStore
  audit: AuditLog
}
