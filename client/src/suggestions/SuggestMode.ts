import {
  isRemoteChange,
  isSuggestChangesEnabled,
  type SuggestionAuthor,
  suggestChangesKey,
} from '@accord/schema'
import type * as Suggesting from '@accord/schema/suggesting'
import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
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

interface SuggestModeStorage {
  /** The code that makes suggestions, once loaded. */
  suggesting: typeof Suggesting | null
  /** Whether the mode was asked for, while that code was still loading. */
  wanted: boolean
  /** Starts loading it (once), then turns the mode on if still wanted. */
  load: () => void
}

/** Where the plugin that makes appended blocks part of a suggestion goes once loaded. */
const appendedSlotKey = new PluginKey('suggestAppendedBlocksSlot')

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
 *
 * The code that makes suggestions (`@accord/schema/suggesting`, ~6 KB gz) loads only when the
 * mode is turned on or forced; until it is on, an editor whose person must suggest stays
 * read-only and refuses every local change, so no keystroke goes in unsuggested. How
 * suggestions look (the library's plugin) is there from the start, for everyone.
 */
export const SuggestMode = Extension.create<SuggestModeOptions, SuggestModeStorage>({
  name: 'suggestMode',

  addOptions: () => ({
    policy: () => ({
      author: { authorId: '', authorName: '' },
      forced: false,
      onRefused: () => {},
    }),
  }),

  addStorage: () => ({ suggesting: null, wanted: false, load: () => {} }),

  addProseMirrorPlugins() {
    const policy = () => this.options.policy()
    return [
      ...suggestChangesPlugins(),
      new Plugin({
        key: appendedSlotKey,
        // Someone who must suggest types only once suggest mode is on.
        props: { editable: (state) => !policy().forced || suggestModeOn(state) },
      }),
    ]
  },

  onCreate() {
    const { editor, storage } = this
    const author = () => this.options.policy().author
    let started = false
    storage.load = () => {
      if (started) return
      started = true
      void import('@accord/schema/suggesting').then((suggesting) => {
        if (editor.isDestroyed) return
        storage.suggesting = suggesting
        // A block another plugin appends to this person's change is part of the suggestion.
        editor.registerPlugin(suggesting.suggestAppendedBlocks(author), (added, plugins) =>
          plugins.flatMap((p) => (p.spec.key === appendedSlotKey ? [p, added] : [p])),
        )
        if (storage.wanted) editor.commands.setSuggestMode(true)
      })
    }
    if (this.options.policy().forced) this.editor.commands.setSuggestMode(true)
  },

  addCommands() {
    return {
      setSuggestMode:
        (on) =>
        ({ state, dispatch }) => {
          if (!on && this.options.policy().forced) return false
          if (dispatch) this.storage.wanted = on
          if (on && !this.storage.suggesting) {
            // On once the code is there (`load` turns it on then).
            if (dispatch) this.storage.load()
            return true
          }
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
    if (!transaction.docChanged || isRemoteChange(transaction) || skip) {
      next(transaction)
      return
    }
    const policy = this.options.policy()
    const suggesting = this.storage.suggesting
    if (!suggestModeOn(state) || !suggesting) {
      // Asked for or forced but not on yet (its code is loading): nothing goes in unsuggested.
      if (!policy.forced && !this.storage.wanted) next(transaction)
      return
    }
    const suggested = suggesting.suggestTransaction(state, transaction, policy.author)
    if (policy.forced) {
      const violation = suggesting.checkSuggestOnly(
        state.doc,
        suggested.doc,
        policy.author.authorId,
      )
      if (violation) {
        policy.onRefused()
        return
      }
    }
    next(suggested)
  },
})
