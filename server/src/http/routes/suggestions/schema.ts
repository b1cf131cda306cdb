export {
  type ResolveSuggestionsRequest,
  type RolloutRequest,
  resolveSuggestionsRequest,
  rolloutRequest,
} from '@accord/protocol/requests'
