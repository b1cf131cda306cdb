/** What a person can do to clauses from the toolbar and the keyboard. */
export const ClauseAction = {
  insertAbove: 'insertAbove',
  insertBelow: 'insertBelow',
  insertSubclause: 'insertSubclause',
  split: 'split',
  merge: 'merge',
  moveUp: 'moveUp',
  moveDown: 'moveDown',
  delete: 'delete',
} as const
export type ClauseAction = (typeof ClauseAction)[keyof typeof ClauseAction]

export interface Shortcut {
  action: ClauseAction
  /** ProseMirror key notation: 'Mod' is Ctrl, or ⌘ on a Mac. */
  keys: string
}

/**
 * Keyboard shortcuts of clause editing, for the keymap and for a help dialog. Only keys that
 * no keyboard layout turns into a character (Enter, arrows, Backspace): with Ctrl+Alt, a
 * letter is AltGr on Windows and names a different key in Cyrillic layouts.
 */
export const shortcuts: readonly Shortcut[] = [
  { action: ClauseAction.insertBelow, keys: 'Mod-Alt-Enter' },
  { action: ClauseAction.insertAbove, keys: 'Mod-Alt-Shift-Enter' },
  { action: ClauseAction.split, keys: 'Mod-Shift-Enter' },
  { action: ClauseAction.merge, keys: 'Mod-Shift-Backspace' },
  { action: ClauseAction.moveUp, keys: 'Mod-Alt-ArrowUp' },
  { action: ClauseAction.moveDown, keys: 'Mod-Alt-ArrowDown' },
  { action: ClauseAction.delete, keys: 'Mod-Alt-Shift-Backspace' },
]

export const shortcutFor = (action: ClauseAction): Shortcut | undefined =>
  shortcuts.find((shortcut) => shortcut.action === action)
