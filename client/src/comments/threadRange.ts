import type { CommentThread } from '@accord/protocol'
import { findClauseById } from '@accord/schema'
import type { EditorState } from '@tiptap/pm/state'
import { rangeOfAnchor } from './anchors'

/** Where the quoted words stand inside a clause, or null. */
const quoteInClause = (state: EditorState, clauseId: string, quote: string) => {
  const clause = findClauseById(state.doc, clauseId)
  if (!clause || !quote) return null
  let text = ''
  const positions: number[] = []
  clause.node.descendants((node, pos) => {
    if (!node.isText || !node.text) return
    // +1 steps inside the clause's opening token.
    for (let i = 0; i < node.text.length; i++) positions.push(clause.pos + 1 + pos + i)
    text += node.text
  })
  const at = text.indexOf(quote)
  const first = positions[at]
  const last = positions[at + quote.length - 1]
  return at < 0 || first === undefined || last === undefined ? null : { from: first, to: last + 1 }
}

/**
 * Where a thread's words are now: its Yjs relative positions first; when those no longer
 * resolve (the clause was moved or merged, which re-creates its content), the quoted words
 * inside the same clause, found by the clause's stable id. Null means the text was removed.
 */
export const threadRange = (
  state: EditorState,
  thread: CommentThread,
): { from: number; to: number } | null =>
  rangeOfAnchor(state, thread.anchor) ??
  (thread.clauseId ? quoteInClause(state, thread.clauseId, thread.quote) : null)
