/**
 * What the tests of several workspaces share. Test files only import it (a devDependency of
 * each workspace that uses it); no build of the app includes it.
 */
export { exportMeta } from './fixtures/exportMeta.js'
export {
  listOutline,
  NESTED_OUTLINE,
  nestedListDocument,
  nestedListDraft,
  nestedListHtml,
  STARTED_OUTLINE,
  startedListDocument,
} from './fixtures/nestedLists.js'
export { rangeOver, type SpanningWords, spanningDocument } from './fixtures/spanningDocument.js'
export { NOTES, tableDocument } from './fixtures/tableDocument.js'
export { charterClauses, clause, subclause } from './fixtures/translationCharter.js'
export { articlesDraft, markedUpDraft, numberedListDraft } from './fixtures/wordDrafts.js'
export { freePort } from './freePort.js'
export {
  convertFileWithLibreOffice,
  convertWithLibreOffice,
  type LibreOfficeOptions,
  libreOfficeCalcInstalled,
  libreOfficeInstalled,
  skipWithoutLibreOffice,
  skipWithoutLibreOfficeCalc,
} from './libreOffice.js'
export {
  pdfFonts,
  pdfInfo,
  pdfLayoutText,
  pdfMeta,
  pdfObjects,
  pdfText,
  qpdfCheck,
} from './pdfChecks.js'
export { checkWellFormed, validateAkn, xpathString } from './xmlChecks.js'
