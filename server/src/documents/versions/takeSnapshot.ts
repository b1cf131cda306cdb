import type { VersionInfo, VersionOrigin } from '@accord/protocol'
import { docToJSON } from '@accord/schema'
import type { DocumentsContext } from '../DocumentsContext.js'

/**
 * Stores the live text as a named version, taken from the same Y.Doc the editors write; the
 * document's event stream hears of it.
 */
export const takeSnapshot = async (
  ctx: Pick<DocumentsContext, 'live' | 'versions' | 'events'>,
  input: {
    documentId: string
    name: string
    note: string | null
    userId: string
    origin?: { kind: VersionOrigin }
  },
): Promise<VersionInfo> => {
  const { state, content } = await ctx.live.read(input.documentId, (live) => ({
    state: live.encodedState(),
    content: docToJSON(live.doc),
  }))
  const version = await ctx.versions.create({ ...input, kind: 'named', state, content })
  ctx.events.publish(version.documentId, { type: 'version', version })
  return version
}
