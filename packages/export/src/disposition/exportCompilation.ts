import type { Compilation, Language } from '@accord/protocol'
import type { ExportedFile } from '../exportDocument.js'
import { compilationToCsv } from './compilationToCsv.js'
import { compilationToDocx } from './compilationToDocx.js'
import { compilationToXlsx } from './compilationToXlsx.js'

/** The files the compilation of comments downloads as. */
export const COMPILATION_FILE_FORMATS = ['docx', 'xlsx', 'csv'] as const
export type CompilationFileFormat = (typeof COMPILATION_FILE_FORMATS)[number]

const CONTENT_TYPES: Record<CompilationFileFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
}

/** The compilation of comments as a file, headed in `language`, named after its day. */
export const exportCompilation = async (
  format: CompilationFileFormat,
  compilation: Compilation,
  language: Language,
): Promise<ExportedFile> => {
  const bytes =
    format === 'docx'
      ? await compilationToDocx(compilation, language)
      : format === 'xlsx'
        ? await compilationToXlsx(compilation, language)
        : compilationToCsv(compilation, language)
  const fileName = `compilation-of-comments-${compilation.generatedAt.slice(0, 10)}.${format}`
  return { bytes, contentType: CONTENT_TYPES[format], fileName, asciiFileName: fileName }
}
