import {
  type ChangedRange,
  changedRange,
  earliestChange,
  isRemoteChange,
  rangeMapping,
} from '@accord/schema'
import { Extension } from '@tiptap/core'
import type { Node as PMNode } from '@tiptap/pm/model'
import { type EditorState, Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import {
  type AuthorshipInput,
  decorateAuthors,
  redecorateAuthors,
  shownAuthors,
  type TextRange,
} from './authorDecorations'

interface AuthorshipState {
  input: AuthorshipInput | null
  decorations: DecorationSet
  /**
   * Where this tab changed the text since the colours were last worked out: its own edits
   * reach the Y.Doc only after their transaction is applied, so they are coloured later.
   */
  stale: readonly TextRange[]
}

export const authorshipKey = new PluginKey<AuthorshipState>('authorship')

export interface AuthorshipOptions {
  /** Text under client ids the page does not know (yet): it may ask the server again. */
  onUnknown: (clientIds: number[]) => void
  /** The people whose words are coloured now, in the order they first appear (for the legend). */
  onShown: (userIds: string[]) => void
  /** The "who wrote this" key: the name of whoever wrote the words at the caret, or null. */
  onWhoWrote: (name: string | null) => void
}

/** Says who wrote the words at the caret, for keyboard and screen-reader users. */
export const WHO_WROTE_SHORTCUT = 'Mod-Alt-a'

/** This tab's own changes are coloured once typing pauses this long… */
const RECOMPUTE_AFTER_MS = 300
/** …or after this long, when changes never pause. */
const RECOMPUTE_AT_LEAST_EVERY_MS = 1500

const fragmentOf = (state: EditorState): Y.XmlFragment | undefined =>
  (ySyncPluginKey.getState(state) as { type?: Y.XmlFragment } | undefined)?.type

/**
 * Where in the new text a change may lie: from the earliest reading repeated content allows
 * (the Y.Doc's new items, whose author counts, can be any of the equal ones) to its end.
 */
const changedWindow = (before: PMNode, after: PMNode, range: ChangedRange): TextRange => ({
  from: earliestChange(before, after, range).b,
  to: range.endB,
})

/** Every colour worked out again: when switched on, and when the people or "since" change. */
const decorateAll = (
  state: EditorState,
  input: AuthorshipInput,
  options: AuthorshipOptions,
): DecorationSet => {
  const fragment = fragmentOf(state)
  if (!fragment) return DecorationSet.empty
  const unknown: number[] = []
  const decorations = decorateAuthors(state.doc, fragment, input, unknown)
  if (unknown.length > 0) options.onUnknown(unknown)
  options.onShown(shownAuthors(decorations))
  return decorations
}

/**
 * The plugin's state after a transaction. The colours follow each change by mapping, and the
 * changed ranges are worked out again from the Yjs items once the Y.Doc holds them: at once
 * for a change that came from the Y.Doc (another person, an undo), later for this tab's own
 * (`recompute`). Per keystroke this costs the changed block, never the whole text.
 */
const nextAuthorshipState = (
  tr: Transaction,
  value: AuthorshipState,
  old: EditorState,
  state: EditorState,
  options: AuthorshipOptions,
): AuthorshipState => {
  const meta = tr.getMeta(authorshipKey) as
    | { input: AuthorshipInput | null }
    | { recompute: true }
    | undefined
  if (meta && 'input' in meta) {
    if (!meta.input) options.onShown([])
    return {
      input: meta.input,
      decorations: meta.input ? decorateAll(state, meta.input, options) : DecorationSet.empty,
      stale: [],
    }
  }
  const { input } = value
  if (!input || (!meta && !tr.docChanged)) return value
  let { decorations, stale } = value
  if (tr.docChanged) {
    // The changed range by comparing the documents: the binding's steps replace everything.
    const range = changedRange(old.doc, state.doc)
    if (range) {
      const mapping = rangeMapping(range)
      decorations = decorations.map(mapping, state.doc)
      stale = [
        ...stale.map((r) => ({ from: mapping.map(r.from, -1), to: mapping.map(r.to, 1) })),
        changedWindow(old.doc, state.doc, range),
      ]
    } else if (isRemoteChange(tr)) {
      // The Y.Doc changed but the text reads the same: only a whole pass can tell whose it is.
      return { input, decorations: decorateAll(state, input, options), stale: [] }
    }
  }
  if (!meta && !isRemoteChange(tr)) return { input, decorations, stale }
  // The Y.Doc holds this text now (this tab's own changes were written to it as they came).
  const fragment = fragmentOf(state)
  if (!fragment) return { input, decorations: DecorationSet.empty, stale: [] }
  const unknown: number[] = []
  const patched = redecorateAuthors(decorations, state.doc, fragment, input, stale, unknown)
  if (unknown.length > 0) options.onUnknown(unknown)
  return {
    input,
    decorations: patched ?? decorateAll(state, input, options),
    stale: [],
  }
}

/**
 * The plugin behind AuthorshipHighlights. Its view works out this tab's own changes and
 * tells the legend once typing pauses (or at least every 1.5 s while it never does).
 */
export const authorshipPlugin = (options: AuthorshipOptions): Plugin<AuthorshipState> =>
  new Plugin<AuthorshipState>({
    key: authorshipKey,
    state: {
      init: () => ({ input: null, decorations: DecorationSet.empty, stale: [] }),
      apply: (tr, value, old, state) => nextAuthorshipState(tr, value, old, state, options),
    },
    view: () => {
      let timer: ReturnType<typeof setTimeout> | undefined
      // When the first change not yet coloured (or not yet in the legend) was made.
      let pendingSince: number | undefined
      let ticking = false
      return {
        update: (view, previous) => {
          const now = authorshipKey.getState(view.state)
          if (ticking || !now?.input) return
          const before = authorshipKey.getState(previous)
          if (now.stale.length === 0 && now.decorations === before?.decorations) return
          const at = Date.now()
          pendingSince ??= at
          clearTimeout(timer)
          const wait = Math.min(
            RECOMPUTE_AFTER_MS,
            Math.max(0, pendingSince + RECOMPUTE_AT_LEAST_EVERY_MS - at),
          )
          timer = setTimeout(() => {
            pendingSince = undefined
            const current = authorshipKey.getState(view.state)
            if (view.isDestroyed || !current?.input) return
            if (current.stale.length > 0) {
              ticking = true
              try {
                view.dispatch(
                  view.state.tr
                    .setMeta(authorshipKey, { recompute: true })
                    .setMeta('addToHistory', false),
                )
              } finally {
                ticking = false
              }
            }
            const decorations = authorshipKey.getState(view.state)?.decorations
            if (decorations) options.onShown(shownAuthors(decorations))
          }, wait)
        },
        destroy: () => clearTimeout(timer),
      }
    },
    props: {
      decorations: (state) => authorshipKey.getState(state)?.decorations,
    },
  })

/**
 * Colours the text by who wrote it, as decorations: nothing in the text changes. Off (and
 * costing nothing) until the page sends an input through `authorshipKey`. While on, the
 * colours follow each change by mapping and only the changed blocks are worked out again
 * from the Yjs items; the whole text only when switched on or when the people or the
 * version ("since") change.
 */
export const AuthorshipHighlights = Extension.create<AuthorshipOptions>({
  name: 'authorship',

  addOptions() {
    return { onUnknown: () => undefined, onShown: () => undefined, onWhoWrote: () => undefined }
  },

  addKeyboardShortcuts() {
    return {
      [WHO_WROTE_SHORTCUT]: ({ editor }) => {
        const state = authorshipKey.getState(editor.state)
        if (!state?.input) return false
        const { from } = editor.state.selection
        // The letter before the caret, or after it when it stands before the first letter.
        const around = state.decorations.find(Math.max(0, from - 1), from + 1)
        const found =
          around.find((d) => d.from < from && d.to >= from) ??
          around.find((d) => d.from <= from && d.to > from)
        this.options.onWhoWrote((found?.spec.name as string | undefined) ?? null)
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    return [authorshipPlugin(this.options)]
  },
})
