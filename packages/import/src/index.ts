/**
 * @accord/import: files people bring (.docx, .docm, .odt, .md, .html) → Accord documents,
 * pure (bytes in, a Yjs update, comment threads and a report out; nothing stored).
 *
 * Every reader turns its format into one `SourceDocument` (paragraphs with styles and
 * numbering, tables, footnotes, comments, tracked changes); `buildDocument` then detects the
 * clauses and writes the document once for all formats. Packages are unpacked with limits
 * (`readPackage`: zip bombs stop while inflating) and their XML parsed without any DTD
 * (`parseXml`: no external entity is ever resolved).
 */
export { IMPORT_EXTENSIONS, IMPORT_FORMATS, type ImportFormat } from './detectFormat.js'
export { ImportError, ImportRefusal } from './ImportError.js'
export {
  type ImportedDocument,
  type ImportedMessage,
  type ImportedThread,
  type ImportOptions,
  type ImportReport,
  importFile,
} from './importFile.js'
export type { ImportTask, ImportTaskResult } from './importWorker.js'
export { DEFAULT_PACKAGE_LIMITS, type PackageLimits } from './package/readPackage.js'
export { type ImportWarning, WarningCode } from './SourceDocument.js'
