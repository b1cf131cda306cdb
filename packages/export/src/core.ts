/**
 * @accord/export/core: the export model, the HTML markup helpers and the compilation's columns
 * and CSV. What the server needs outside an export (the public consultation pages, the
 * comment-template reader) without loading the DOCX, ODT, PDF and XLSX writers, which cost
 * tens of megabytes of heap in every process that imports the package root.
 */

export {
  COMPILATION_COLUMNS,
  type CompilationColumn,
  headingsOf,
} from './disposition/compilationColumns.js'
export { compilationToCsv } from './disposition/compilationToCsv.js'
export { htmlBlock, htmlClause, htmlFootnotes } from './html/htmlBlocks.js'
export { HTML_STYLES } from './html/htmlStyles.js'
export type { Block, ExportClause } from './model/Block.js'
export { type ExportModel, exportModel } from './model/exportModel.js'
export { type Child, fragment, htmlElement, type Markup, raw } from './xml.js'
