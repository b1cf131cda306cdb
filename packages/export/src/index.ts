/**
 * @accord/export: an Accord document (ProseMirror JSON) and its metadata → DOCX, ODT, PDF,
 * HTML, Markdown or Akoma Ntoso. Pure functions: no I/O but reading the bundled PDF fonts.
 * Clause numbers and labels come from @accord/schema, so they are the ones the editor shows.
 */

export type { BilingualSource } from './bilingual/BilingualMeta.js'
export { toBilingualDocx } from './bilingual/toBilingualDocx.js'
export { toBilingualHtml } from './bilingual/toBilingualHtml.js'
export { toBilingualPdf } from './bilingual/toBilingualPdf.js'
export {
  COMPILATION_COLUMNS,
  type CompilationColumn,
  compilationCells,
  compilationHeadings,
  compilationTitle,
  headingsOf,
  TYPE_CODES,
} from './disposition/compilationColumns.js'
export { compilationToCsv } from './disposition/compilationToCsv.js'
export { compilationToDocx } from './disposition/compilationToDocx.js'
export { compilationToXlsx } from './disposition/compilationToXlsx.js'
export {
  COMPILATION_FILE_FORMATS,
  type CompilationFileFormat,
  exportCompilation as compilationFile,
} from './disposition/exportCompilation.js'
export type {
  ExportCarried,
  ExportCarriedSuggestion,
  ExportCommentMessage,
  ExportMeta,
  ExportThread,
} from './ExportMeta.js'
export {
  BILINGUAL_FORMATS,
  type BilingualFormat,
  type ExportedFile,
  exportBilingual,
  exportDocument,
} from './exportDocument.js'
export type {
  CompilationExportTask,
  DocumentExportTask,
  ExportTask,
  ExportTaskResult,
  TaskText,
} from './exportWorker.js'
export { exportFileName } from './fileName.js'
export { EXPORT_FORMATS, type ExportFormat, FORMAT_FILES } from './formats.js'
export { htmlBlock, htmlClause, htmlFootnotes } from './html/htmlBlocks.js'
export { HTML_STYLES } from './html/htmlStyles.js'
export type { Block, ExportClause } from './model/Block.js'
export { type ExportModel, exportModel } from './model/exportModel.js'
export { SUGGESTION_MODES, type SuggestionMode } from './suggestionModes.js'
export { toAkomaNtoso } from './toAkomaNtoso.js'
export { toDocx } from './toDocx.js'
export { toHtml } from './toHtml.js'
export { toMarkdown } from './toMarkdown.js'
export { toOdt } from './toOdt.js'
export { toPdf } from './toPdf.js'
export { type Child, fragment, htmlElement, type Markup, raw } from './xml.js'
