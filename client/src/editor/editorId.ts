/** Id of the editable text, the target of the 'Skip to editor' link. */
export const EDITOR_ID = 'editor'
