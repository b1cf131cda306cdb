import type { CommentThread } from '@accord/protocol'
import { changedRange, rangeMapping } from '@accord/schema'
import type { Node as PMNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import { Decoration, DecorationSet } from '@tiptap/pm/view'
import { threadRange } from './threadRange'

/** The threads the page shows and the active one. */
export interface HighlightInput {
  threads: readonly CommentThread[]
  activeId: string | null
}

const highlightOf = (thread: CommentThread, range: { from: number; to: number }, active: boolean) =>
  Decoration.inline(
    range.from,
    range.to,
    {
      class: active ? 'comment-highlight is-active' : 'comment-highlight',
      'data-thread-id': thread.id,
    },
    { threadId: thread.id, active },
  )

/** Each open thread's words now, where there are any. */
const rangesOf = function* (state: EditorState, { threads }: HighlightInput) {
  for (const thread of threads) {
    if (thread.status !== 'open') continue
    const range = threadRange(state, thread)
    if (range && range.from < range.to) yield { thread, range }
  }
}

/** Open threads' current ranges, resolved from their anchors: the whole set made anew. */
export const highlightsOf = (state: EditorState, input: HighlightInput): DecorationSet =>
  DecorationSet.create(
    state.doc,
    [...rangesOf(state, input)].map(({ thread, range }) =>
      highlightOf(thread, range, thread.id === input.activeId),
    ),
  )

/**
 * The highlights after a change the Y.Doc made to the text since `before` (another person,
 * an undo), or after new threads or a new active one (`before` null: the same text): the
 * set is mapped over the changed range and only the threads whose words are not where the
 * mapping put them (near the change, removed or back), or whose look changed, are drawn
 * again. The rest of the set stays as it was, and so does the view's comparison of it: a
 * set made anew makes the view compare every highlighted block's decorations one by one.
 * The result draws what `highlightsOf` would.
 */
export const followHighlights = (
  decorations: DecorationSet,
  before: PMNode | null,
  state: EditorState,
  input: HighlightInput,
): DecorationSet => {
  const change = before && changedRange(before, state.doc)
  const mapped = change ? decorations.map(rangeMapping(change), state.doc) : decorations
  const drawn = new Map<string, Decoration>()
  for (const d of mapped.find()) drawn.set(d.spec.threadId as string, d)
  const fresh: Decoration[] = []
  const stale: Decoration[] = []
  for (const { thread, range } of rangesOf(state, input)) {
    const active = thread.id === input.activeId
    const old = drawn.get(thread.id)
    drawn.delete(thread.id)
    if (old?.from === range.from && old.to === range.to && old.spec.active === active) continue
    if (old) stale.push(old)
    fresh.push(highlightOf(thread, range, active))
  }
  stale.push(...drawn.values())
  if (stale.length === 0 && fresh.length === 0) return mapped
  return mapped.remove(stale).add(state.doc, fresh)
}
