import { compilationToDocx } from '@accord/export'
import type { Compilation } from '@accord/protocol'
import type { DispositionQuery } from '@accord/protocol/requests'
import type { Actor, DocumentsContext } from '../DocumentsContext.js'
import { compilationToCsv } from './compilationToCsv.js'
import { compilationToXlsx } from './compilationToXlsx.js'
import { compileComments } from './compileComments.js'

/** The compilation as JSON, or as a file to download. */
export type CompilationAnswer =
  | { kind: 'json'; compilation: Compilation }
  | { kind: 'file'; contentType: string; fileName: string; bytes: Uint8Array }

const CONTENT_TYPES = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const

/** The compilation of comments of a document in a format (every role may export). */
export const exportCompilation = async (
  ctx: DocumentsContext,
  actor: Actor,
  documentId: string,
  { format, lang }: DispositionQuery,
): Promise<CompilationAnswer> => {
  const { compilation, language: documentLanguage } = await compileComments(ctx, actor, documentId)
  if (format === 'json') return { kind: 'json', compilation }
  const language = lang ?? documentLanguage
  const bytes =
    format === 'docx'
      ? await compilationToDocx(compilation, language)
      : format === 'xlsx'
        ? await compilationToXlsx(compilation, language)
        : compilationToCsv(compilation, language)
  const day = compilation.generatedAt.slice(0, 10)
  return {
    kind: 'file',
    contentType: CONTENT_TYPES[format],
    fileName: `compilation-of-comments-${day}.${format}`,
    bytes,
  }
}
