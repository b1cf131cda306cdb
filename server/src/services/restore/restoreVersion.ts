import type { VersionInfo } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
import * as Y from 'yjs'
import type { RoomRegistry } from '../../collab/RoomRegistry.js'
import type { VersionStore } from '../../store/VersionStore.js'
import type { InFlightEdits } from './InFlightEdits.js'
import { overwriteWithVersion } from './overwriteWithVersion.js'

/**
 * Restores a version, first keeping the current text as "Before restore of …". Nothing
 * typed meanwhile may fall between the two:
 * 1. the current text is stored as that version; if it cannot be, nothing is restored;
 * 2. then, in one synchronous step (no edit can arrive in between), the text as it is at that
 *    instant is taken and the old content is written over it. Edits that arrived while step 1
 *    was writing are in that state, and are added to the version;
 * 3. edits made before the restore but arriving after it are caught by `inFlight`.
 * Returns the "before" version.
 */
export const restoreVersion = async (
  deps: { registry: RoomRegistry; versions: VersionStore; inFlight: InFlightEdits },
  input: {
    documentId: string
    version: VersionInfo
    stored: { content: JSONContent; state: Uint8Array }
    userId: string
  },
): Promise<VersionInfo> => {
  const { documentId } = input
  const current = await deps.registry.withDocument(documentId, (room) => ({
    state: Y.encodeStateAsUpdate(room.doc),
    content: docToJSON(room.doc),
    snapshot: Y.snapshot(room.doc),
  }))
  const savedAs = await deps.versions.create({
    documentId,
    name: `Before restore of “${input.version.name}”`,
    note: null,
    kind: 'named',
    state: current.state,
    content: current.content,
    userId: input.userId,
  })
  await deps.registry.withDocument(documentId, (room) => {
    const before = Y.encodeStateAsUpdate(room.doc)
    const behind = !Y.equalSnapshots(current.snapshot, Y.snapshot(room.doc))
    overwriteWithVersion(room, input.stored.content, input.stored.state)
    deps.inFlight.follow(room, { documentId, id: savedAs.id }, before, behind)
  })
  return savedAs
}
