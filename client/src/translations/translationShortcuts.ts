/** The side-by-side view's keys (ProseMirror notation), for its buttons and the help dialog. */
export const NEXT_CLAUSE_SHORTCUT = 'Alt-Shift-ArrowDown'
export const PREVIOUS_CLAUSE_SHORTCUT = 'Alt-Shift-ArrowUp'
export const MARK_TRANSLATED_SHORTCUT = 'Alt-Shift-Enter'
export const APPLY_STRUCTURE_SHORTCUT = 'Alt-Shift-='
