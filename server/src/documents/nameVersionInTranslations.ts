import type { VersionInfo } from '@accord/protocol'
import type { RoomRegistry } from '../collab/RoomRegistry.js'
import { snapshotVersion } from '../services/snapshotVersion.js'
import type { AuditLog } from '../store/AuditLog.js'
import type { DocumentCatalog } from '../store/DocumentCatalog.js'
import type { StoredUser } from '../store/UserStore.js'
import type { VersionStore } from '../store/VersionStore.js'

/**
 * Names the same version in every translation of a source (the caller has named the
 * source's and checked the role): each language keeps its own version, so comparison and
 * restore work per language. Audited per translation.
 */
export const nameVersionInTranslations = async (
  deps: {
    catalog: DocumentCatalog
    registry: RoomRegistry
    versions: VersionStore
    audit: AuditLog
  },
  user: StoredUser,
  sourceId: string,
  version: { name: string; note: string | null },
): Promise<{ documentId: string; language: string; version: VersionInfo }[]> => {
  const translations = await deps.catalog.translationsOf(sourceId)
  const named = []
  for (const translation of translations) {
    const created = await snapshotVersion(deps, {
      documentId: translation.id,
      name: version.name,
      note: version.note,
      userId: user.id,
    })
    await deps.audit.record({
      userId: user.id,
      action: 'version.created',
      documentId: translation.id,
      details: { versionId: created.id, name: created.name, withSource: sourceId },
    })
    named.push({ documentId: translation.id, language: translation.language, version: created })
  }
  return named
}
