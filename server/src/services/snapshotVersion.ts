import type { VersionInfo } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import * as Y from 'yjs'
import type { RoomRegistry } from '../collab/RoomRegistry.js'
import type { VersionStore } from '../store/VersionStore.js'

/** A named version of the live text, taken from the same Y.Doc the editors write. */
export const snapshotVersion = async (
  deps: { registry: RoomRegistry; versions: VersionStore },
  input: { documentId: string; name: string; note: string | null; userId: string },
): Promise<VersionInfo> => {
  const { state, content } = await deps.registry.withDocument(input.documentId, (room) => ({
    state: Y.encodeStateAsUpdate(room.doc),
    content: docToJSON(room.doc),
  }))
  return deps.versions.create({ ...input, kind: 'named', state, content })
}
