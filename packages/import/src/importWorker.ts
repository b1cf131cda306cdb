/**
 * The entry of a worker thread that reads imported files, loaded by file name
 * (`@accord/import/worker`) by the server's pool (piscina calls the default export once per
 * task). Reading a long Word file takes a second or more of CPU; in a worker thread it does
 * not stop the server's main thread, where everyone's editing is answered.
 */
import { ImportError, type ImportRefusal } from './ImportError.js'
import { type ImportedDocument, importFile } from './importFile.js'

export interface ImportTask {
  fileName: string
  bytes: Uint8Array
}

/**
 * The document, a refusal (the file cannot be imported), or the reader's own failure, as
 * values: a task's promise rejects only when the worker itself fails (memory, time).
 */
export type ImportTaskResult =
  | { imported: ImportedDocument }
  | { refused: { reason: ImportRefusal; message: string } }
  | { error: string }

export default (task: ImportTask): ImportTaskResult => {
  try {
    return { imported: importFile(task.fileName, task.bytes) }
  } catch (err) {
    if (err instanceof ImportError) return { refused: { reason: err.reason, message: err.message } }
    return { error: err instanceof Error ? (err.stack ?? err.message) : String(err) }
  }
}
