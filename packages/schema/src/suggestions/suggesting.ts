/**
 * What turns a person's changes into suggestions (@handlewithcare/prosemirror-suggest-changes'
 * step rewriting, Accord's attribution and whole blocks) and checks them, apart from
 * `@accord/schema` (which re-exports it): an editor loads it only once its person suggests
 * (`@accord/schema/suggesting`).
 */
export { checkSuggestOnly } from './checkSuggestOnly.js'
export { suggestAppendedBlocks } from './suggestAppendedBlocks.js'
export { suggestTransaction } from './suggestTransaction.js'
