import { type ClauseAction, shortcuts as clauseShortcuts } from '../editor/clauseShortcuts'
import { REFERENCE_SHORTCUT } from '../editor/references/ClauseReferenceLabels'

/** Shortcuts that are not clause actions, named by their key under `help.entries` in the translations. */
export type HelpEntry =
  | 'openHelp'
  | 'closeDialog'
  | 'skipLink'
  | 'toolbarArrows'
  | 'bold'
  | 'italic'
  | 'heading1'
  | 'heading2'
  | 'heading3'
  | 'bulletList'
  | 'orderedList'
  | 'crossReference'
  | 'comment'
  | 'sendComment'
  | 'cancelComment'
  | 'leaveComments'
  | 'nextChange'
  | 'previousChange'
  | 'whoWrote'
  | 'suggestMode'
  | 'nextClauseToDo'
  | 'previousClauseToDo'
  | 'markTranslated'
  | 'applyStructure'

export interface ListedShortcut {
  /** ProseMirror key notation ('Mod' is Ctrl, or ⌘ on a Mac); alternatives separated by ' / '. */
  keys: string
  /** What it does: a help entry, or a clause action (its toolbar label). */
  does: { entry: HelpEntry } | { clause: ClauseAction }
}

export interface ShortcutGroup {
  id: 'general' | 'formatting' | 'clauses' | 'suggestions' | 'comments' | 'history' | 'translations'
  shortcuts: readonly ListedShortcut[]
}

/**
 * Every keyboard shortcut of the app, grouped as the help dialog shows them. Formatting keys
 * are the defaults of Tiptap's formatting extensions; clause keys come from the clause keymap
 * itself, so the dialog cannot fall behind it.
 */
export const shortcutGroups: readonly ShortcutGroup[] = [
  {
    id: 'general',
    shortcuts: [
      { keys: '?', does: { entry: 'openHelp' } },
      { keys: 'Escape', does: { entry: 'closeDialog' } },
      { keys: 'Tab', does: { entry: 'skipLink' } },
      { keys: 'ArrowLeft / ArrowRight', does: { entry: 'toolbarArrows' } },
    ],
  },
  {
    id: 'formatting',
    shortcuts: [
      { keys: 'Mod-b', does: { entry: 'bold' } },
      { keys: 'Mod-i', does: { entry: 'italic' } },
      { keys: 'Mod-Alt-1', does: { entry: 'heading1' } },
      { keys: 'Mod-Alt-2', does: { entry: 'heading2' } },
      { keys: 'Mod-Alt-3', does: { entry: 'heading3' } },
      { keys: 'Mod-Shift-8', does: { entry: 'bulletList' } },
      { keys: 'Mod-Shift-7', does: { entry: 'orderedList' } },
      { keys: REFERENCE_SHORTCUT, does: { entry: 'crossReference' } },
    ],
  },
  {
    id: 'clauses',
    shortcuts: clauseShortcuts.map(({ action, keys }) => ({ keys, does: { clause: action } })),
  },
  {
    id: 'suggestions',
    shortcuts: [{ keys: 'Mod-Alt-s', does: { entry: 'suggestMode' } }],
  },
  {
    id: 'comments',
    shortcuts: [
      { keys: 'Mod-Alt-m', does: { entry: 'comment' } },
      { keys: 'Mod-Enter', does: { entry: 'sendComment' } },
      { keys: 'Escape', does: { entry: 'cancelComment' } },
      { keys: 'Escape', does: { entry: 'leaveComments' } },
      { keys: 'Mod-Alt-a', does: { entry: 'whoWrote' } },
    ],
  },
  {
    id: 'history',
    shortcuts: [
      { keys: 'Alt-ArrowDown', does: { entry: 'nextChange' } },
      { keys: 'Alt-ArrowUp', does: { entry: 'previousChange' } },
    ],
  },
  {
    id: 'translations',
    shortcuts: [
      { keys: 'Alt-Shift-ArrowDown', does: { entry: 'nextClauseToDo' } },
      { keys: 'Alt-Shift-ArrowUp', does: { entry: 'previousClauseToDo' } },
      { keys: 'Alt-Shift-Enter', does: { entry: 'markTranslated' } },
      { keys: 'Alt-Shift-=', does: { entry: 'applyStructure' } },
    ],
  },
]
