import type { VersionInfo, VersionOrigin } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import * as Y from 'yjs'
import type { DocumentsContext } from '../DocumentsContext.js'

/** Stores the live text as a named version, taken from the same Y.Doc the editors write. */
export const takeSnapshot = async (
  ctx: Pick<DocumentsContext, 'live' | 'versions'>,
  input: {
    documentId: string
    name: string
    note: string | null
    userId: string
    origin?: { kind: VersionOrigin }
  },
): Promise<VersionInfo> => {
  const { state, content } = await ctx.live.read(input.documentId, ({ doc }) => ({
    state: Y.encodeStateAsUpdate(doc),
    content: docToJSON(doc),
  }))
  return ctx.versions.create({ ...input, kind: 'named', state, content })
}
