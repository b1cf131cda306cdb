/** The modes are part of the API: their one home is @accord/protocol. */
export { SUGGESTION_MODES, type SuggestionMode } from '@accord/protocol'
