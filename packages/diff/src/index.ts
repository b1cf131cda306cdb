export { diffDocuments } from './diffDocuments.js'
export { diffText } from './diffText.js'
export { documentUnits, type JsonNode, textOf } from './documentUnits.js'
export type { DocumentDiff, TextChange, UnitDiff, UnitStatus } from './types.js'
