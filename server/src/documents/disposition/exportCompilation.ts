import type { Compilation } from '@accord/protocol'
import type { DispositionQuery } from '@accord/protocol/requests'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { compileComments } from './compileComments.js'

/** The compilation as JSON, or as a file to download. */
export type CompilationAnswer =
  | { kind: 'json'; compilation: Compilation }
  | { kind: 'file'; contentType: string; fileName: string; bytes: Uint8Array }

/**
 * The compilation of comments of a document in a format (every role may export). Files are
 * rendered like document exports: a place in the export queue (or `too_many_requests`), then
 * a worker thread, since thousands of rows take seconds of CPU that editing must not wait for.
 */
export const exportCompilation = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  { format, lang, consultation, round }: DispositionQuery,
): Promise<CompilationAnswer> => {
  const { compilation, language } = await compileComments(ctx, actor, documentId, {
    consultationId: consultation,
    roundId: round,
  })
  if (format === 'json') return { kind: 'json', compilation }
  const place = ctx.exportQueue.enter(actor.id)
  try {
    await place.turn
    const file = await ctx.exportPool.render({
      kind: 'compilation',
      format,
      compilation,
      language: lang ?? language,
    })
    return {
      kind: 'file',
      contentType: file.contentType,
      fileName: file.fileName,
      bytes: file.bytes,
    }
  } finally {
    place.release()
  }
}
