/**
 * The entry of a worker thread that renders exports, loaded by file name
 * (`@accord/export/worker`) by the server's pool (piscina calls the default export once per
 * task). Rendering a long text takes seconds of CPU; in a worker thread it does not stop the
 * server's main thread, where everyone's editing is answered.
 */
import type { Compilation, Language } from '@accord/protocol'
import type { JSONContent } from '@tiptap/core'
import type { BilingualSource } from './bilingual/BilingualMeta.js'
import { type CompilationFileFormat, exportCompilation } from './disposition/exportCompilation.js'
import type { ExportMeta } from './ExportMeta.js'
import {
  BILINGUAL_FORMATS,
  type BilingualFormat,
  type ExportedFile,
  exportBilingual,
  exportDocument,
} from './exportDocument.js'
import type { ExportFormat } from './formats.js'

/** One export to render: `exportDocument`'s arguments, as they cross to the worker. */
export interface DocumentExportTask {
  kind?: 'document'
  format: ExportFormat
  content: JSONContent
  meta: ExportMeta
  /** Set for a two-column copy: the source this text (a translation) stands beside. */
  bilingualSource?: BilingualSource
}

const isBilingualFormat = (format: ExportFormat): format is BilingualFormat =>
  (BILINGUAL_FORMATS as readonly string[]).includes(format)

/** A compilation of comments to render (`exportCompilation`'s arguments). */
export interface CompilationExportTask {
  kind: 'compilation'
  format: CompilationFileFormat
  compilation: Compilation
  language: Language
}

export type ExportTask = DocumentExportTask | CompilationExportTask

/**
 * The file, or why the renderer threw. A renderer's error comes back as a value, so the pool
 * can tell it from the worker itself failing (out of memory, stopped, exited), which is the
 * only way a task's promise rejects.
 */
export type ExportTaskResult = { file: ExportedFile } | { error: string }

export default async (task: ExportTask): Promise<ExportTaskResult> => {
  try {
    if (task.kind === 'compilation') {
      return { file: await exportCompilation(task.format, task.compilation, task.language) }
    }
    if (task.bilingualSource) {
      if (!isBilingualFormat(task.format)) return { error: `no bilingual ${task.format}` }
      const target = { content: task.content, meta: task.meta }
      return { file: await exportBilingual(task.format, task.bilingualSource, target) }
    }
    return { file: await exportDocument(task.format, task.content, task.meta) }
  } catch (err) {
    return { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }
  }
}
