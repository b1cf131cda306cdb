import { isRemoteChange } from '@accord/schema'
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey, Selection } from '@tiptap/pm/state'
import { DecorationSet } from '@tiptap/pm/view'
import { followHighlights, type HighlightInput, highlightsOf } from './highlightDecorations'

interface HighlightState extends HighlightInput {
  decorations: DecorationSet
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')

export interface CommentHighlightsOptions {
  /** Called when a highlight is clicked or the caret moves into one, to open its thread. */
  onActivate: (threadId: string) => void
  /** Called by the comment shortcut (Mod-Alt-M) to comment on the selection. */
  onComment: () => void
}

/**
 * Draws open threads' ranges as decorations: commenting never changes the text. The
 * threads come in through a transaction meta (`commentHighlightsKey`). Only what changed is
 * drawn again (`followHighlights`): for new threads or a new active one, the threads whose
 * look or words changed; when the Y.Doc changed the text (another person, an undo), the set
 * is mapped over the changed range and the threads whose anchors now say otherwise are drawn
 * again. This person's own edits reach the Y.Doc only after the transaction is applied, so
 * for those the ranges are mapped like any decoration (words deleted drop out; the server
 * re-anchors words that were moved, and the thread arrives).
 */
export const CommentHighlights = Extension.create<CommentHighlightsOptions>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: () => undefined, onComment: () => undefined }
  },

  addKeyboardShortcuts() {
    return {
      'Mod-Alt-m': () => {
        this.options.onComment()
        return true
      },
    }
  },

  addProseMirrorPlugins() {
    const { onActivate } = this.options
    // Set by a key press, cleared by the pointer: a click has its own handler, and activating
    // between the button's press and release would redraw the words under the pointer.
    let fromKeys = false
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty }),
          apply: (tr, value, old, state) => {
            const input: HighlightInput | undefined = tr.getMeta(commentHighlightsKey)
            if (input) {
              // The set drawn so far belongs to the text before this transaction.
              const decorations = tr.docChanged
                ? highlightsOf(state, input)
                : followHighlights(value.decorations, null, state, input)
              return { ...input, decorations }
            }
            if (!tr.docChanged) return value
            if (isRemoteChange(tr)) {
              const decorations = followHighlights(value.decorations, old.doc, state, value)
              return { ...value, decorations }
            }
            return { ...value, decorations: value.decorations.map(tr.mapping, tr.doc) }
          },
        },
        // The keyboard's way in: moving the caret into commented words makes their thread
        // the active one, as a click does. Only this person's own moves (the editor has focus).
        view: () => ({
          update: (view, previous) => {
            if (!fromKeys || view.state.selection.eq(previous.selection) || !view.hasFocus()) return
            fromKeys = false
            const highlights = commentHighlightsKey.getState(view.state)
            const { from } = view.state.selection
            const found = highlights?.decorations.find(from, from)[0]
            const threadId = found?.spec.threadId as string | undefined
            if (threadId && threadId !== highlights?.activeId) onActivate(threadId)
          },
        }),
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleKeyDown: () => {
            fromKeys = true
            return false
          },
          handleDOMEvents: {
            mousedown: () => {
              fromKeys = false
              return false
            },
          },
          handleClick(view, pos, event) {
            const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos)[0]
            if (!found) return false
            // The caret goes where the click was now, not when the page's selection change is
            // read: redrawing the words as active writes the editor's selection back to the
            // page, and on a busy machine that could still be the one before the click.
            // A plain left click only: another button or a modifier keeps the browser's way.
            if (
              event.button === 0 &&
              !(event.shiftKey || event.ctrlKey || event.metaKey || event.altKey)
            ) {
              view.dispatch(view.state.tr.setSelection(Selection.near(view.state.doc.resolve(pos))))
            }
            // After the browser has handled the click: redrawing the words under the pointer
            // while it is still being handled would lose the caret (to the document's start).
            requestAnimationFrame(() => onActivate(found.spec.threadId as string))
            return false
          },
        },
      }),
    ]
  },
})
