import type { AuditLog } from '../store/AuditLog.js'
import type { GlossaryStore } from '../store/GlossaryStore.js'

/** What the glossary operations use. */
export interface GlossaryDeps {
  glossary: GlossaryStore
  audit: AuditLog
}
