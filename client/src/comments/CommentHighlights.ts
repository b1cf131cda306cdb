import type { CommentThread } from '@accord/protocol'
import { Extension } from '@tiptap/core'
import { type EditorState, Plugin, PluginKey } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { threadRange } from './threadRange'

interface HighlightInput {
  threads: readonly CommentThread[]
  activeId: string | null
}

interface HighlightState extends HighlightInput {
  decorations: DecorationSet
}

export const commentHighlightsKey = new PluginKey<HighlightState>('commentHighlights')

export interface CommentHighlightsOptions {
  /** Called when a highlight is clicked, to open its thread. */
  onActivate: (threadId: string) => void
  /** Called by the comment shortcut (Mod-Alt-M) to comment on the selection. */
  onComment: () => void
}

/** Open threads' current ranges, resolved from their anchors. */
const highlightsOf = (state: EditorState, { threads, activeId }: HighlightInput): DecorationSet => {
  const decorations: Decoration[] = []
  for (const thread of threads) {
    if (thread.status !== 'open') continue
    const range = threadRange(state, thread)
    if (!range) continue
    decorations.push(
      Decoration.inline(
        range.from,
        range.to,
        {
          class: thread.id === activeId ? 'comment-highlight is-active' : 'comment-highlight',
          'data-thread-id': thread.id,
        },
        { threadId: thread.id },
      ),
    )
  }
  return DecorationSet.create(state.doc, decorations)
}

/**
 * Draws open threads' ranges as decorations: commenting never changes the text. The
 * threads come in through a transaction meta (`commentHighlightsKey`); ranges are
 * recomputed from the Yjs anchors when the text or the threads change, not on every
 * selection move.
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
          init: () => ({ threads: [], activeId: null, decorations: DecorationSet.empty }),
          apply: (tr, value, _old, state) => {
            const input: HighlightInput | undefined = tr.getMeta(commentHighlightsKey)
            if (input) return { ...input, decorations: highlightsOf(state, input) }
            if (!tr.docChanged) return value
            return { ...value, decorations: highlightsOf(state, value) }
          },
        },
        props: {
          decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
          handleClick(view, pos) {
            const found = commentHighlightsKey.getState(view.state)?.decorations.find(pos, pos)[0]
            if (found) onActivate(found.spec.threadId as string)
            return false
          },
        },
      }),
    ]
  },
})
