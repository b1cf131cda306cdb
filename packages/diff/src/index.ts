export {
  type Alignment,
  type AlignOptions,
  alignClauses,
  alignEntries,
  type TranslationMark,
} from './alignment/alignClauses.js'
export { type ClauseEntry, clauseEntries } from './alignment/clauseEntries.js'
export { clauseState } from './alignment/clauseState.js'
export { structuralChanges, structuralChangesOf } from './alignment/structuralChanges.js'
export { diffDocuments } from './diffDocuments.js'
export { diffText } from './diffText.js'
export { documentUnits, type JsonNode, labelReferences, textOf } from './documentUnits.js'
export { changedParagraphs, type ParagraphHunk, splitParagraphs } from './paragraphHunks.js'
export { proposedChangeRedline } from './proposedChangeRedline.js'
export {
  checkTerminology,
  type PreparedGlossary,
  prepareGlossary,
} from './terminology/checkTerminology.js'
export type { DocumentDiff, TextChange, UnitDiff, UnitStatus } from './types.js'
