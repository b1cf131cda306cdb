/**
 * @accord/schema: what an Accord document is, headless (no DOM needed), shared by the
 * client's editor and the server's diff, export, templates and comments.
 *
 * The clause contract (other packages rely on it; changing it is a data migration):
 * - Node `doc`: `(block | clause)+`. Ordinary blocks (a preface: title heading, paragraphs)
 *   may come before, between and after clauses; documents of paragraphs and headings only
 *   stay valid.
 * - Node `clause`, attrs `{ id: string }`: `clauseHeading (block | subclause)*`.
 * - Node `subclause`, attrs `{ id: string }`: `clauseHeading block*` (one level down only).
 * - Node `clauseHeading`: `inline*`, the heading text without its number label.
 * - Ids are unique in a document and URL-safe (`[A-Za-z0-9_-]{1,64}`, made by `newClauseId`).
 *   `clauseIdPlugin` (in `documentExtensions()`) gives a new id to a node that has none or
 *   shares one (split, paste, duplicate) and never changes an id otherwise, so an id survives
 *   moves and renumbering. Find a clause by id with `findClauseById`.
 * - Numbers are computed from position, never stored (`numberedClauses`, `clauseOutline`):
 *   the n-th clause is 'n', the m-th sub-clause of clause n is 'n.m'. Blocks between
 *   clauses do not count.
 * - Settings live in the Y.Doc: `ydoc.getMap('settings')`, keys `language` ('ru' | 'en',
 *   default 'ru') and `clauseLabel` ('article' | 'clause' | 'numeric' | 'section', default
 *   'article'). Read them with `readSettings`; labels come from `formatClauseLabel`.
 * - Tables (`TableNode`): Tiptap's `table` > `tableRow` > `tableHeader` | `tableCell`, cells
 *   attrs `colspan`, `rowspan`, content `paragraph+`; a table is a `block`.
 * - Node `footnote`: inline, `text*`; numbered by document order (`footnoteNumbers`), never stored.
 * - Node `clauseRef`: an inline atom, attrs `{ clauseId }`, a cross-reference to a clause or
 *   sub-clause; its label is the target's current number (`referenceTarget`), never stored.
 * - A comment's anchor is a pair of Yjs relative positions (`decodeAnchor`, `encodeAnchor`);
 *   `resolveAnchor` is the one rule for where it is now (on its words, or removed), used by
 *   the editor and the server alike.
 */
export { AccordDocument } from './AccordDocument.js'
export {
  type AnchorPositions,
  decodeAnchor,
  type EncodedAnchor,
  encodeAnchor,
} from './anchors/anchorCodec.js'
export { type AnchorPoint, pathOf, pointAt } from './anchors/anchorPoints.js'
export {
  type AnchorRange,
  type BodyMapping,
  rangeOfAnchorIn,
  stateBodyWithAnchorRanges,
} from './anchors/anchorRange.js'
export { type AnchorState, resolveAnchor } from './anchors/resolveAnchor.js'
export { textBetween } from './anchors/textBetween.js'
export {
  type AnyType,
  beforeTransaction,
  indexOf,
  isInsertedIn,
  itemsOf,
  LIVE,
  textOf,
  type Visibility,
} from './anchors/visibility.js'
export { Clause } from './Clause.js'
export { ClauseHeading } from './ClauseHeading.js'
export { ClauseIds } from './ClauseIds.js'
export {
  type ChangedRange,
  changedRange,
  changedTextblock,
  earliestChange,
  rangeMapping,
} from './changedRange.js'
export { clauseAround, findClauseById, type LocatedClause } from './clauseAround.js'
export { clauseIdPlugin } from './clauseIdPlugin.js'
export { ClauseNode, isNumberedNodeName, type NumberedNodeName } from './clauseNodeNames.js'
export { clauseOutline, type OutlineEntry, outlineOfNode } from './clauseOutline.js'
export { documentSchema } from './documentSchema.js'
export {
  CLAUSE_LABEL_STYLES,
  type ClauseLabelStyle,
  DEFAULT_SETTINGS,
  DOCUMENT_LANGUAGES,
  type DocumentLanguage,
  type DocumentSettings,
  isValidSetting,
  observeSettings,
  readSettings,
  SETTINGS_MAP,
  settingsOfState,
  settingsUpdate,
  writeSettings,
  writeSettingsOfState,
} from './documentSettings.js'
export { documentExtensions } from './extensions.js'
export { FOOTNOTE, Footnote } from './footnotes/Footnote.js'
export { footnoteNumbers, type NumberedFootnote } from './footnotes/footnoteNumbers.js'
export { formatClauseLabel } from './formatClauseLabel.js'
export { BODY_FRAGMENT, docToJSON, jsonToUpdate } from './fragment.js'
export { isSafeHref, LinkMark } from './links/LinkMark.js'
export { isValidClauseId, newClauseId } from './newClauseId.js'
export { type NumberedClause, numberedClauses } from './numberedClauses.js'
export { type HeadingMarker, headingMarker } from './plainText/lineMarkers.js'
export {
  CLAUSE_REFERENCE,
  ClauseReference,
} from './references/ClauseReference.js'
export {
  clauseNumbersById,
  clauseReferenceLabels,
  type LabelledReference,
  MISSING_NUMBER,
  type ReferenceTarget,
  referenceTarget,
} from './references/clauseReferenceLabels.js'
export { isRemoteChange } from './remoteChange.js'
export { Subclause } from './Subclause.js'
export { attributeSuggestions, suggestionOwners } from './suggestions/attributeSuggestions.js'
export { BlockSuggestions, SUGGESTABLE_BLOCKS } from './suggestions/BlockSuggestions.js'
export { checkSuggestOnly, type SuggestOnlyViolation } from './suggestions/checkSuggestOnly.js'
export { listSuggestions, type SuggestionSummary } from './suggestions/listSuggestions.js'
export {
  acceptedDocument,
  baseDocument,
  baseTransform,
  type Decision,
  removeMarkers,
  resolveSuggestions,
  withoutMarkers,
} from './suggestions/resolveSuggestions.js'
export { Deletion, Insertion, Modification } from './suggestions/SuggestionMarks.js'
export { suggestAppendedBlocks } from './suggestions/suggestAppendedBlocks.js'
export {
  BLOCK_SUGGESTION_ATTR,
  type BlockSuggestion,
  isSuggestionKind,
  newSuggestionId,
  readBlockSuggestion,
  SUGGESTION_MARK_NAMES,
  type SuggestionAttrs,
  type SuggestionAuthor,
  type SuggestionKind,
  SuggestionMark,
  wellFormedAttribution,
} from './suggestions/suggestionTypes.js'
export {
  isSuggestChangesEnabled,
  suggestChangesKey,
  suggestChangesPlugin,
} from './suggestions/suggestModePlugin.js'
export { suggestTransaction } from './suggestions/suggestTransaction.js'
export { insertTable } from './tables/insertTable.js'
export { tableExtensions } from './tables/tableExtensions.js'
export { isTableCellName, TableNode } from './tables/tableNodeNames.js'
export {
  MAX_TEMPLATE_CLAUSES,
  type TemplateOptions,
  templateDocument,
  templateUpdate,
} from './templateDocument.js'
export { looksLikeClauses, type TextToDocumentOptions, textToDocument } from './textToDocument.js'
export { type TranslationFill, translationDocument } from './translationDocument.js'
