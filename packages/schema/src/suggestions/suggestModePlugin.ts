/**
 * The editor side of suggest mode, from @handlewithcare/prosemirror-suggest-changes: the
 * plugin that holds whether the mode is on. Re-exported so the client reaches the library
 * through this package only (one copy, one version, next to the marks it expects).
 */
export {
  isSuggestChangesEnabled,
  suggestChanges as suggestChangesPlugin,
  suggestChangesKey,
} from '@handlewithcare/prosemirror-suggest-changes'
