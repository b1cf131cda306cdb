import type { CommentThread } from '@accord/protocol'
import { Extension } from '@tiptap/core'
import { Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { threadRange } from './threadRange'

interface HighlightState {
  threads: readonly CommentThread[]
  activeId: string | null
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')

export interface CommentHighlightsOptions {
  /** Called when a highlight is clicked, to open its thread. */
  onActivate: (threadId: string) => void
  /** Called by the comment shortcut (Mod-Alt-M) to comment on the selection. */
  onComment: () => void
}

/**
 * Draws open threads' ranges as decorations: commenting never changes the text. The
 * threads come in through `setCommentThreads`; ranges are recomputed from the Yjs
 * relative positions on every change, so they follow the words.
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
    return [
      new Plugin<HighlightState>({
        key: commentHighlightsKey,
        state: {
          init: () => ({ threads: [], activeId: null }),
          apply: (tr, value) => tr.getMeta(commentHighlightsKey) ?? value,
        },
        props: {
          decorations(state) {
            const { threads, activeId } = commentHighlightsKey.getState(state) ?? {
              threads: [],
              activeId: null,
            }
            const decorations: Decoration[] = []
            for (const thread of threads) {
              if (thread.status !== 'open') continue
              const range = threadRange(state, thread)
              if (!range) continue
              decorations.push(
                Decoration.inline(range.from, range.to, {
                  class:
                    thread.id === activeId ? 'comment-highlight is-active' : 'comment-highlight',
                  'data-thread-id': thread.id,
                }),
              )
            }
            return DecorationSet.create(state.doc, decorations)
          },
          handleClick(view, pos) {
            const found = this.getState(view.state)?.threads.find((thread) => {
              if (thread.status !== 'open') return false
              const range = threadRange(view.state, thread)
              return range !== null && pos >= range.from && pos <= range.to
            })
            if (found) onActivate(found.id)
            return false
          },
        },
      }),
    ]
  },
})
