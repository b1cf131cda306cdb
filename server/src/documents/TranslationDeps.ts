import type { RoomRegistry } from '../collab/RoomRegistry.js'
import type { DocumentEvents } from '../services/DocumentEvents.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { GlossaryStore } from '../store/GlossaryStore.js'
import type { TranslationMarks } from '../store/TranslationMarks.js'

/** What the language-version operations use. */
export interface TranslationDeps {
  catalog: DocumentCatalog
  registry: RoomRegistry
  audit: AuditLog
  events: DocumentEvents
  translationMarks: TranslationMarks
  glossary: GlossaryStore
}
