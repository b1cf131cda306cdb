/**
 * The entry of a worker thread that renders exports, loaded by file name
 * (`@accord/export/worker`) by the server's pool (piscina calls the default export once per
 * task). Rendering a long text takes seconds of CPU; in a worker thread it does not stop the
 * server's main thread, where everyone's editing is answered.
 */
import type { Compilation, Language } from '@accord/protocol'
import { type EncodedAnchor, stateBodyWithAnchorRanges } from '@accord/schema'
import type { JSONContent } from '@tiptap/core'
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

/**
 * A text to export: ProseMirror JSON (a stored version), or a live document's encoded Yjs
 * state, read here: reading 500 clauses takes tens of milliseconds, which the server's main
 * thread, where everyone's typing is relayed, cannot spare.
 */
export type TaskText = JSONContent | Uint8Array

/** One export to render: `exportDocument`'s arguments, as they cross to the worker. */
export interface DocumentExportTask {
  kind?: 'document'
  format: ExportFormat
  content: TaskText
  /**
   * For a live text: the anchors of `meta.threads`, in order; each thread is placed where its
   * anchor's words are in the text read.
   */
  anchors?: readonly EncodedAnchor[]
  meta: ExportMeta
  /** Set for a two-column copy: the source this text (a translation) stands beside. */
  bilingualSource?: { content: TaskText; meta: ExportMeta }
}

/** The text as JSON, and its threads placed in it when it is read here. */
const readText = (
  content: TaskText,
  meta: ExportMeta,
  anchors: readonly EncodedAnchor[] = [],
): { content: JSONContent; meta: ExportMeta } => {
  if (!(content instanceof Uint8Array)) return { content, meta }
  const read = stateBodyWithAnchorRanges(content, anchors)
  const threads = meta.threads?.map((thread, i) => {
    const range = read.ranges[i]
    return range ? { ...thread, range } : thread
  })
  return { content: read.content, meta: threads ? { ...meta, threads } : meta }
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
    const text = readText(task.content, task.meta, task.anchors)
    if (task.bilingualSource) {
      if (!isBilingualFormat(task.format)) return { error: `no bilingual ${task.format}` }
      const source = readText(task.bilingualSource.content, task.bilingualSource.meta)
      return { file: await exportBilingual(task.format, source, text) }
    }
    return { file: await exportDocument(task.format, text.content, text.meta) }
  } catch (err) {
    return { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }
  }
}
