import {
  checkSuggestOnly,
  isRemoteChange,
  isSuggestChangesEnabled,
  type SuggestionAuthor,
  suggestAppendedBlocks,
  suggestChangesKey,
  suggestTransaction,
} from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { EditorState } from '@tiptap/pm/state'
import { suggestChangesPlugins } from './suggestionDecorations'

/** The suggest-mode shortcut, shown in the toggle's label. */
export const SUGGEST_MODE_SHORTCUT = 'Mod-Alt-s'

export interface SuggestPolicy {
  /** Who suggests: stamped on every suggestion this editor makes. */
  author: SuggestionAuthor
  /** True when this person may only suggest (a member in review): the mode cannot be left. */
  forced: boolean
  /** Told when an edit was refused because it would change the text directly. */
  onRefused: () => void
}

export interface SuggestModeOptions {
  /** Read on every change: role and status may change while the editor is open. */
  policy: () => SuggestPolicy
}

declare module '@tiptap/core' {
  interface Commands<ReturnType> {
    suggestMode: {
      /** Turns suggest mode on or off (off is refused while it is forced). */
      setSuggestMode: (on: boolean) => ReturnType
      toggleSuggestMode: () => ReturnType
    }
  }
}

/** Is suggest mode on in this editor state? */
export const suggestModeOn = (state: EditorState): boolean => isSuggestChangesEnabled(state)

/**
 * Suggest mode: while on, what this person types becomes a suggested insertion and what
 * they delete a suggested deletion, through @handlewithcare/prosemirror-suggest-changes,
 * attributed to them (`suggestTransaction`). The result is an ordinary document change, so
 * the Yjs binding carries it to everyone. When forced, an edit that would still change the
 * text directly (or touch someone else's suggestion) is refused here, as the server would
 * drop it: the local copy never drifts from everyone else's.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',

  addOptions: () => ({
    policy: () => ({
      author: { authorId: '', authorName: '' },
      forced: false,
      onRefused: () => {},
    }),
  }),

  addProseMirrorPlugins() {
    return [
      ...suggestChangesPlugins(),
      // A block another plugin appends to this person's change is part of the suggestion.
      suggestAppendedBlocks(() => this.options.policy().author),
    ]
  },

  onCreate() {
    if (this.options.policy().forced) this.editor.commands.setSuggestMode(true)
  },

  addCommands() {
    return {
      setSuggestMode:
        (on) =>
        ({ state, dispatch }) => {
          if (!on && this.options.policy().forced) return false
          if (suggestModeOn(state) === on) return true
          dispatch?.(state.tr.setMeta(suggestChangesKey, { skip: true, enabled: on }))
          return true
        },
      toggleSuggestMode:
        () =>
        ({ state, commands }) =>
          commands.setSuggestMode(!suggestModeOn(state)),
    }
  },

  addKeyboardShortcuts() {
    return { [SUGGEST_MODE_SHORTCUT]: () => this.editor.commands.toggleSuggestMode() }
  },

  dispatchTransaction({ transaction, next }) {
    const state = this.editor.state
    const skip = 'skip' in ((transaction.getMeta(suggestChangesKey) as object | undefined) ?? {})
    if (!transaction.docChanged || isRemoteChange(transaction) || skip || !suggestModeOn(state)) {
      next(transaction)
      return
    }
    const policy = this.options.policy()
    const suggested = suggestTransaction(state, transaction, policy.author)
    if (policy.forced) {
      const violation = checkSuggestOnly(state.doc, suggested.doc, policy.author.authorId)
      if (violation) {
        policy.onRefused()
        return
      }
    }
    next(suggested)
  },
})
